import { describe, expect, it } from 'vitest';
import { calc } from './sheet.test-support.js';

describe('text functions', () => {
  it('LEFT, RIGHT, MID with defaults and bounds', () => {
    expect(calc('=LEFT("Allmende",3)')).toBe('All');
    expect(calc('=LEFT("Allmende")')).toBe('A');
    expect(calc('=RIGHT("Allmende",4)')).toBe('ende');
    expect(calc('=RIGHT("abc",0)')).toBe('');
    expect(calc('=MID("Allmende",4,3)')).toBe('men');
    expect(calc('=MID("abc",10,2)')).toBe('');
    expect(calc('=MID("abc",0,2)')).toBe('#VALUE!');
    expect(calc('=LEFT("abc",-1)')).toBe('#VALUE!');
    expect(calc('=LEFT(12345,2)')).toBe('12');
  });
  it('LEN, TRIM, UPPER, LOWER, PROPER', () => {
    expect(calc('=LEN("hello")')).toBe(5);
    expect(calc('=LEN(A1)')).toBe(0);
    expect(calc('=LEN(1/0)')).toBe('#DIV/0!');
    expect(calc('=TRIM("  a   b  ")')).toBe('a b');
    expect(calc('=UPPER("straße")')).toBe('STRASSE');
    expect(calc('=LOWER("ÄBC")')).toBe('äbc');
    expect(calc('=PROPER("hello wORLD")')).toBe('Hello World');
  });
  it('CONCAT joins ranges, CONCATENATE takes single values, & converts numbers as General', () => {
    expect(calc('=CONCAT(A1:B2)', { A1: 'a', B1: 'b', A2: 1, B2: true })).toBe('ab1TRUE');
    expect(calc('=CONCATENATE("a",1,TRUE)')).toBe('a1TRUE');
    expect(calc('="x"&0.1+0.2')).toBe('x0.3');
    expect(calc('=1/3&""')).toBe('0.333333333333333');
    expect(calc('=TEXTJOIN("-",TRUE,A1:A3)', { A1: 'a', A3: 'c' })).toBe('a-c');
  });
  it('TEXT formats numbers and dates with format codes', () => {
    expect(calc('=TEXT(1234.567,"#,##0.00")')).toBe('1,234.57');
    expect(calc('=TEXT(0.256,"0.0%")')).toBe('25.6%');
    expect(calc('=TEXT(45292,"yyyy-mm-dd")')).toBe('2024-01-01');
    expect(calc('=TEXT(45292.75,"hh:mm")')).toBe('18:00');
    expect(calc('=TEXT(5,"000")')).toBe('005');
    expect(calc('=TEXT("abc","0.00")')).toBe('abc');
  });
  it('FIND is case-sensitive, SEARCH is not and knows wildcards', () => {
    expect(calc('=FIND("M","Allmende")')).toBe('#VALUE!');
    expect(calc('=FIND("m","Allmende")')).toBe(4);
    expect(calc('=SEARCH("M","Allmende")')).toBe(4);
    expect(calc('=SEARCH("m?n","Allmende")')).toBe(4);
  });
  it('SUBSTITUTE, REPLACE, REPT, VALUE, EXACT, CHAR, CODE', () => {
    expect(calc('=SUBSTITUTE("a-b-c","-","+")')).toBe('a+b+c');
    expect(calc('=SUBSTITUTE("a-b-c","-","+",2)')).toBe('a-b+c');
    expect(calc('=REPLACE("abcdef",2,3,"X")')).toBe('aXef');
    expect(calc('=REPT("ab",3)')).toBe('ababab');
    expect(calc('=VALUE("12.5")')).toBe(12.5);
    expect(calc('=VALUE("abc")')).toBe('#VALUE!');
    expect(calc('=EXACT("a","A")')).toBe(false);
    expect(calc('=CHAR(65)')).toBe('A');
    expect(calc('=CODE("A")')).toBe(65);
  });
});
