import { describe, expect, it } from 'vitest';
import { calc } from './sheet.test-support.js';

describe('date functions (serials counted from 1899-12-30)', () => {
  it('DATE builds serials and rolls over months and days', () => {
    expect(calc('=DATE(2024,1,1)')).toBe(45292);
    expect(calc('=DATE(1900,3,1)')).toBe(61);
    expect(calc('=DATE(2024,13,1)')).toBe(45658);
    expect(calc('=DATE(2024,3,0)')).toBe(45351);
    expect(calc('=DATE(24,1,1)')).toBe(8767);
    expect(calc('=DATE(10000,1,1)')).toBe('#NUM!');
  });
  it('YEAR, MONTH, DAY and WEEKDAY take serials and date text', () => {
    expect(calc('=YEAR(45292)')).toBe(2024);
    expect(calc('=MONTH(45351)')).toBe(2);
    expect(calc('=DAY(45351)')).toBe(29);
    expect(calc('=YEAR("2023-07-15")')).toBe(2023);
    expect(calc('=WEEKDAY(45292)')).toBe(2);
    expect(calc('=WEEKDAY(45292,2)')).toBe(1);
    expect(calc('=YEAR("not a date")')).toBe('#VALUE!');
    expect(calc('=YEAR(-1)')).toBe('#NUM!');
  });
  it('EDATE and EOMONTH clamp to month ends', () => {
    expect(calc('=EDATE(DATE(2024,1,31),1)')).toBe(45351);
    expect(calc('=EDATE(DATE(2024,3,31),-1)')).toBe(45351);
    expect(calc('=EOMONTH(DATE(2023,1,15),1)')).toBe(44985);
    expect(calc('=EOMONTH(DATE(2024,1,15),0)')).toBe(45322);
  });
  it('NETWORKDAYS counts weekdays minus holidays, negative when reversed', () => {
    expect(calc('=NETWORKDAYS(DATE(2024,1,1),DATE(2024,1,31))')).toBe(23);
    expect(calc('=NETWORKDAYS(DATE(2024,1,1),DATE(2024,1,31),A1:A2)', { A1: 45292, A2: 45293 })).toBe(21);
    expect(calc('=NETWORKDAYS(DATE(2024,1,31),DATE(2024,1,1))')).toBe(-23);
    expect(calc('=WORKDAY(DATE(2024,1,5),1)')).toBe(45299);
  });
  it('TIME, HOUR, MINUTE, SECOND', () => {
    expect(calc('=TIME(12,30,0)')).toBe(0.5208333333333334);
    expect(calc('=HOUR(0.75)')).toBe(18);
    expect(calc('=MINUTE(TIME(1,2,3))')).toBe(2);
    expect(calc('=SECOND(TIME(1,2,3))')).toBe(3);
  });
  it('TODAY and NOW are today', () => {
    const today = calc('=TODAY()') as number;
    const now = calc('=NOW()') as number;
    expect(Number.isInteger(today)).toBe(true);
    expect(now - today).toBeGreaterThanOrEqual(0);
    expect(now - today).toBeLessThan(1);
    expect(Math.abs(today - (Date.now() / 86_400_000 + 25569))).toBeLessThan(2);
  });
  it('DATEDIF and DAYS', () => {
    expect(calc('=DATEDIF(DATE(2020,1,15),DATE(2024,3,10),"Y")')).toBe(4);
    expect(calc('=DATEDIF(DATE(2020,1,15),DATE(2024,3,10),"M")')).toBe(49);
    expect(calc('=DAYS(DATE(2024,3,1),DATE(2024,2,1))')).toBe(29);
  });
});
