import { describe, expect, it } from 'vitest';
import { safeLinkHref } from './link-href.js';

describe('safeLinkHref', () => {
  it('keeps absolute http, https and mailto links, lowercasing the scheme', () => {
    expect(safeLinkHref('https://example.org/a?b=1#c')).toBe('https://example.org/a?b=1#c');
    expect(safeLinkHref('HTTP://Example.org')).toBe('http://Example.org');
    expect(safeLinkHref('  mailto:info@example.org?subject=Hallo ')).toBe('mailto:info@example.org?subject=Hallo');
  });

  it('refuses other schemes, however they are disguised', () => {
    const hostile = [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      ' \u0001javascript:alert(1)',
      'java\tscript:alert(1)',
      'java\nscript:alert(1)',
      'javascript&colon;alert(1)',
      'vbscript:msgbox(1)',
      'data:text/html;base64,PHNjcmlwdD4=',
      'file:///etc/passwd',
      'blob:https://example.org/uuid',
      'ftp://example.org',
    ];
    for (const href of hostile) expect(safeLinkHref(href)).toBeNull();
  });

  it('refuses relative links, fragments and http links without a host', () => {
    for (const href of ['/path', 'page.html', '#_Toc123', '//example.org', 'https:evil', 'https:/evil', 'http://', 'mailto:', '']) {
      expect(safeLinkHref(href)).toBeNull();
    }
  });
});
