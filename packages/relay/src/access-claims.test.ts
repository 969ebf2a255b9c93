import { describe, expect, it } from 'vitest';
import { accessGrantsFromClaims, identityFromClaims, roleForDocument } from './access-claims.js';

function role(claims: Record<string, unknown>, name: string): string {
  return roleForDocument(accessGrantsFromClaims(claims), name);
}

describe('access claims', () => {
  it('reads the allmende.access object form', () => {
    const claims = { allmende: { access: { 'team-a/*': 'write', 'public/**': 'read' } } };
    expect(role(claims, 'team-a/minutes')).toBe('write');
    expect(role(claims, 'public/x/y')).toBe('read');
    expect(role(claims, 'team-b/minutes')).toBe('none');
  });

  it('reads PATTERN=ROLE strings from access and from allmende.access, as identity providers emit them', () => {
    expect(role({ access: ['team-a/*=comment', 'public/**=read'] }, 'team-a/x')).toBe('comment');
    expect(role({ access: 'team-a/*=write' }, 'team-a/x')).toBe('write');
    // Keycloak turns the claim name "allmende.access" into a nested object holding a string array.
    expect(role({ allmende: { access: ['team-a/* = read'] } }, 'team-a/x')).toBe('read');
  });

  it('merges both forms', () => {
    const claims = { allmende: { access: { 'team-a/*': 'read' } }, access: ['team-a/minutes=write'] };
    expect(role(claims, 'team-a/minutes')).toBe('write');
    expect(role(claims, 'team-a/budget')).toBe('read');
  });

  it('gives nothing when there is no access claim', () => {
    expect(role({ sub: 'u1' }, 'team-a/x')).toBe('none');
  });

  it('lets the most specific pattern win, so narrower grants can lower a broad one', () => {
    const claims = { access: ['**=write', 'hr/**=none', 'hr/handbook=read', 'team-a/*=read', 'team-a/draft-*=write'] };
    expect(role(claims, 'anything/else')).toBe('write');
    expect(role(claims, 'hr/salaries')).toBe('none');
    expect(role(claims, 'hr')).toBe('none');
    expect(role(claims, 'hr/handbook')).toBe('read');
    expect(role(claims, 'team-a/minutes')).toBe('read');
    expect(role(claims, 'team-a/draft-7')).toBe('write');
  });

  it('prefers * over ** at equal literal length', () => {
    expect(role({ access: ['team-a/**=read', 'team-a/*=write'] }, 'team-a/x')).toBe('write');
    expect(role({ access: ['team-a/**=read', 'team-a/*=write'] }, 'team-a/x/y')).toBe('read');
  });

  it('breaks ties between equally specific patterns towards the lower role, whatever the order', () => {
    for (const access of [['a/*=write', '*/b=read'], ['*/b=read', 'a/*=write']]) {
      expect(role({ access }, 'a/b')).toBe('read');
    }
    for (const access of [['doc=write', 'doc=comment'], ['doc=comment', 'doc=write']]) {
      expect(role({ access }, 'doc')).toBe('comment');
    }
    expect(role({ access: ['x/*=none', '*/y=write'] }, 'x/y')).toBe('none');
  });

  it('refuses a malformed claim as a whole, naming the entry', () => {
    expect(() => accessGrantsFromClaims({ access: ['team-a/*=admin'] })).toThrow(/role must be one of none, read, comment, write/);
    expect(() => accessGrantsFromClaims({ access: ['team-a/*'] })).toThrow(/PATTERN=ROLE/);
    expect(() => accessGrantsFromClaims({ access: [42] })).toThrow(/"access" claim/);
    expect(() => accessGrantsFromClaims({ allmende: 'write' })).toThrow(/"allmende" claim/);
    expect(() => accessGrantsFromClaims({ allmende: { access: { 'a//b': 'write' } } })).toThrow(/segment/);
    expect(() => accessGrantsFromClaims({ access: Array(1001).fill('a=read') })).toThrow(/more than 1000/);
  });

  it('takes the identity from sub and name, falling back to preferred_username', () => {
    expect(identityFromClaims({ sub: 'u1', name: 'Ada Lovelace', preferred_username: 'ada' })).toEqual({ id: 'u1', name: 'Ada Lovelace' });
    expect(identityFromClaims({ sub: 'u1', preferred_username: 'ada' })).toEqual({ id: 'u1', name: 'ada' });
    expect(identityFromClaims({ sub: 'u1', name: '  ' })).toEqual({ id: 'u1', name: 'u1' });
    expect(identityFromClaims({ sub: 'u1', name: 'x'.repeat(500) }).name).toHaveLength(200);
    expect(() => identityFromClaims({ name: 'nobody' })).toThrow(/sub/);
  });
});
