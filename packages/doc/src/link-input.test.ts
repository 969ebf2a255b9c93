import { describe, expect, it } from 'vitest';
import { normalizeLinkInput } from './link-input.js';

describe('normalizeLinkInput', () => {
  it('adds https:// to addresses without a scheme', () => {
    expect(normalizeLinkInput('example.org')).toBe('https://example.org');
    expect(normalizeLinkInput('  www.bund.de/themen?x=1#a ')).toBe('https://www.bund.de/themen?x=1#a');
    expect(normalizeLinkInput('//example.org/x')).toBe('https://example.org/x');
  });

  it('reads a host with a port as a host, not as a scheme', () => {
    expect(normalizeLinkInput('localhost:8080')).toBe('https://localhost:8080');
    expect(normalizeLinkInput('example.org:8443/path')).toBe('https://example.org:8443/path');
  });

  it('keeps http, https and mailto links', () => {
    expect(normalizeLinkInput('http://intranet.example/a')).toBe('http://intranet.example/a');
    expect(normalizeLinkInput('HTTPS://Example.org')).toBe('https://Example.org');
    expect(normalizeLinkInput('mailto:amt@example.org')).toBe('mailto:amt@example.org');
  });

  it('turns an e-mail address into a mailto link', () => {
    expect(normalizeLinkInput('poststelle@example.org')).toBe('mailto:poststelle@example.org');
  });

  it('refuses other schemes, however they are written', () => {
    for (const input of ['javascript:alert(1)', 'JavaScript:alert(1)', ' java\tscript:alert(1)', 'data:text/html,x', 'vbscript:x', 'file:///etc/passwd', 'tel:123', 'ftp://example.org']) {
      expect(normalizeLinkInput(input), input).toBeNull();
    }
  });

  it('refuses empty input', () => {
    expect(normalizeLinkInput('')).toBeNull();
    expect(normalizeLinkInput('   ')).toBeNull();
  });
});
