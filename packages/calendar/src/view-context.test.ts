import { describe, expect, it } from 'vitest';
import { colorStyle, styleText } from './view-context.js';

describe('styleText', () => {
  it('writes properties as one declaration list, camelCase as kebab-case, custom properties unchanged', () => {
    expect(styleText({ '--_cal': '#aa3377', top: '12px', zIndex: '3', width: 'calc(50% - 3px)' })).toBe(
      '--_cal:#aa3377;top:12px;z-index:3;width:calc(50% - 3px);',
    );
  });

  it('leaves out values from others that could add declarations or load something', () => {
    expect(styleText({ '--_cal': 'red;background:url(https://x.example/a.png)', top: '1px' })).toBe('top:1px;');
    expect(styleText({ '--_remote': 'url(https://x.example/a.png)', left: '2px' })).toBe('left:2px;');
    expect(styleText({ '--_remote': '#fff}:host{display:none', '--_cal': '"x"', height: '3px' })).toBe('height:3px;');
  });
});

describe('colorStyle', () => {
  it('writes the calendar colour, and the remote editor\'s while someone edits', () => {
    expect(colorStyle('#1a73e8')).toBe('--_cal:#1a73e8;');
    expect(colorStyle('#1a73e8', '#e91e63')).toBe('--_cal:#1a73e8;--_remote:#e91e63;');
    expect(colorStyle('#1a73e8')).toBe('--_cal:#1a73e8;');
  });

  it('leaves out colours that could add declarations or load something, each on its own', () => {
    expect(colorStyle('red;background:url(https://x.example/a.png)')).toBe('');
    expect(colorStyle('#fff', 'url(https://x.example/a.png)')).toBe('--_cal:#fff;');
    expect(colorStyle('#fff}:host{display:none', '#00ff00')).toBe('--_remote:#00ff00;');
  });
});
