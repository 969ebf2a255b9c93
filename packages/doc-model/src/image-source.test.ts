import { describe, expect, it } from 'vitest';
import { checkImageDataUrl, MAX_IMAGE_BYTES, safeImageSrc } from './image-source.js';

const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

describe('checkImageDataUrl', () => {
  it('accepts a PNG, JPEG, GIF or WebP data URL and reports its decoded size', () => {
    expect(checkImageDataUrl(PNG)).toEqual({ ok: true, mimeType: 'image/png', bytes: 70 });
    for (const type of ['jpeg', 'gif', 'webp']) {
      expect(checkImageDataUrl(`data:image/${type};base64,AAAA`)).toMatchObject({ ok: true, bytes: 3 });
    }
  });

  it('says why an image cannot be stored', () => {
    expect(checkImageDataUrl('https://example.org/a.png')).toMatchObject({ ok: false, reason: 'not-a-data-url' });
    expect(checkImageDataUrl('data:image/svg+xml;base64,PHN2Zz4=')).toMatchObject({ ok: false, reason: 'unsupported-type' });
    expect(checkImageDataUrl('data:text/html;base64,PHNjcmlwdD4=')).toMatchObject({ ok: false, reason: 'unsupported-type' });
    expect(checkImageDataUrl('data:image/png,rawbytes')).toMatchObject({ ok: false, reason: 'malformed' });
    expect(checkImageDataUrl('data:image/png;base64,AA<A')).toMatchObject({ ok: false, reason: 'malformed' });
    const big = `data:image/png;base64,${'A'.repeat(Math.ceil((MAX_IMAGE_BYTES + 3) / 3) * 4)}`;
    expect(checkImageDataUrl(big)).toMatchObject({ ok: false, reason: 'too-large', mimeType: 'image/png' });
    expect(checkImageDataUrl(PNG, 10)).toMatchObject({ ok: false, reason: 'too-large', bytes: 70 });
  });

  it('rejects a bad cap', () => {
    expect(() => checkImageDataUrl(PNG, -1)).toThrow(RangeError);
  });
});

describe('safeImageSrc', () => {
  it('keeps raster data URLs and http(s) URLs', () => {
    expect(safeImageSrc(PNG)).toBe(PNG);
    expect(safeImageSrc('https://example.org/a.png')).toBe('https://example.org/a.png');
  });

  it('refuses script, SVG, files, blobs, mail and relative sources', () => {
    for (const src of ['javascript:alert(1)', 'data:image/svg+xml;base64,PHN2Zz4=', 'file:///C:/clip_image001.png', 'blob:https://x/y', 'mailto:a@b.c', 'a.png', '']) {
      expect(safeImageSrc(src)).toBeNull();
    }
  });
});
