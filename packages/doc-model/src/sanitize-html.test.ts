import { describe, expect, it } from 'vitest';
import { HtmlElement } from './html-dom.js';
import type { HtmlParent } from './html-dom.js';
import { parseHTML } from './html-parser.js';
import { MAX_IMAGE_BYTES, safeImageSrc } from './image-source.js';
import { safeLinkHref } from './link-href.js';
import type { RemovedImage } from './sanitize-html.js';
import { htmlToDoc, htmlToSlice, sanitizeHTML } from './sanitize-html.js';

/** The tags and attributes the schema writes; nothing else may come out of the sanitizer. */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  p: ['style'],
  h1: ['style'], h2: ['style'], h3: ['style'], h4: ['style'], h5: ['style'], h6: ['style'],
  blockquote: [],
  pre: ['data-language'],
  code: ['class'],
  hr: [],
  div: ['data-page-break', 'class', 'style'],
  ul: ['data-type'],
  ol: ['start'],
  li: ['data-type', 'data-checked'],
  table: [], tbody: [], tr: [],
  td: ['colspan', 'rowspan', 'data-colwidth'],
  th: ['colspan', 'rowspan', 'data-colwidth'],
  img: ['src', 'alt', 'title', 'width'],
  br: [],
  a: ['href', 'title', 'rel'],
  strong: [], em: [], u: [], s: [], sup: [], sub: [],
  span: ['style'],
  mark: ['style'],
};

/** The only style declarations the schema writes, with validated values. */
const STYLE =
  /^((text-align: (center|right|justify)|margin-left: \d+pt|color: #[0-9a-f]{6}|background-color: #[0-9a-f]{6}|break-after: page)(; |$))+$/;

/** Asserts that sanitized HTML holds only schema markup with checked URLs and styles, and returns its text. */
function expectSafe(html: string): string {
  const check = (parent: HtmlParent): void => {
    for (const child of parent.childNodes) {
      if (!(child instanceof HtmlElement)) continue;
      const allowed = ALLOWED[child.localName];
      expect(allowed, `element <${child.localName}> in ${html}`).toBeDefined();
      for (const [name, value] of child.attributeEntries) {
        expect(allowed, `attribute ${name} on <${child.localName}> in ${html}`).toContain(name);
        if (name === 'href') expect(safeLinkHref(value)).toBe(value);
        if (name === 'src') expect(safeImageSrc(value)).toBe(value);
        if (name === 'style') expect(value).toMatch(STYLE);
        if (name === 'class') expect(value).toMatch(/^(page-break|language-[a-z0-9+#._-]+)$/);
      }
      check(child);
    }
  };
  const root = parseHTML(html);
  check(root);
  return root.textContent;
}

// Each snippet must come out without anything that runs, loads or styles; `keeps` is visible text that must survive.
const HOSTILE: ReadonlyArray<{ readonly html: string; readonly keeps?: string }> = [
  { html: '<script>alert(1)</script>' },
  { html: '<p>before<script>alert(1)</script>after</p>', keeps: 'beforeafter' },
  { html: '<img src=x onerror=alert(1)>' },
  { html: '<img src="javascript:alert(1)">' },
  { html: '<img src="https://example.org/a.png" onerror="alert(1)" onload="alert(2)">' },
  { html: '<a href="javascript:alert(1)">click</a>', keeps: 'click' },
  { html: '<a href="JaVaScRiPt:alert(1)">x</a>', keeps: 'x' },
  { html: '<a href="&#106;avascript:alert(1)">x</a>', keeps: 'x' },
  { html: '<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)">x</a>', keeps: 'x' },
  { html: '<a href="java&#x09;script:alert(1)">x</a>', keeps: 'x' },
  { html: '<a href="java\nscript:alert(1)">x</a>', keeps: 'x' },
  { html: '<a href="javascript&colon;alert(1)">x</a>', keeps: 'x' },
  { html: '<a href=" &#14; javascript:alert(1)">x</a>', keeps: 'x' },
  { html: '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>', keeps: 'x' },
  { html: '<a href="vbscript:msgbox(1)">x</a>', keeps: 'x' },
  { html: '<a href="https://ok.example" onmouseover="alert(1)" style="color:red" target="_blank">ok</a>', keeps: 'ok' },
  { html: '<svg onload=alert(1)><circle r=10></circle><text>svg text</text></svg>' },
  { html: '<svg><script>alert(1)</script></svg><p>after</p>', keeps: 'after' },
  { html: '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>' },
  { html: '<iframe src="https://evil.example"></iframe>' },
  { html: '<iframe srcdoc="<script>alert(1)</script>"></iframe>' },
  { html: '<object data="evil.swf"><param name=x value=y></object><embed src="evil.swf">' },
  { html: '<p style="background:url(javascript:alert(1))">x</p>', keeps: 'x' },
  { html: '<p style="width: expression(alert(1))">x</p>', keeps: 'x' },
  { html: '<span style="color: expression(alert(1))">x</span>', keeps: 'x' },
  { html: '<span style="background-color: url(javascript:alert(1))">x</span>', keeps: 'x' },
  { html: '<div style="behavior: url(x.htc); -moz-binding: url(x.xml#x)">x</div>', keeps: 'x' },
  { html: "<span style=\"font-family: 'x';} body {background: url(javascript:alert(1))\">x</span>", keeps: 'x' },
  { html: "<style>@import 'https://evil/x.css'; body { background: red }</style><p>text</p>", keeps: 'text' },
  { html: '<link rel=stylesheet href=https://evil/x.css><p>text</p>', keeps: 'text' },
  { html: '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">' },
  { html: '<base href="javascript:alert(1)//"><a href="/x">rel</a>', keeps: 'rel' },
  { html: '<form action="javascript:alert(1)"><input type=submit formaction=javascript:alert(1)><button>go</button></form>' },
  { html: '<details open ontoggle=alert(1)><summary>s</summary>x</details>', keeps: 'sx' },
  { html: '<body onload=alert(1)><p>text</p></body>', keeps: 'text' },
  { html: '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">' },
  { html: '<img src="data:text/html,<script>alert(1)</script>">' },
  { html: '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>' },
  { html: '<template><script>alert(1)</script></template>' },
  { html: '<table background="javascript:alert(1)"><tr><td onclick="alert(1)">c</td></tr></table>', keeps: 'c' },
  { html: '<xmp><script>alert(1)</script></xmp>' },
  { html: '<textarea><script>alert(1)</script></textarea>' },
  { html: '<!--<img src=x onerror=alert(1)>--><p>text</p>', keeps: 'text' },
  // In HTML content CDATA is a bogus comment up to the first `>`, so browsers show the rest as text too.
  { html: '<![CDATA[<script>alert(1)</script>]]>', keeps: 'alert(1)]]>' },
  { html: '<plaintext><script>alert(1)</script>' },
  { html: '<video><source onerror="alert(1)"></video><audio src=x onerror=alert(1)></audio>' },
  { html: '<marquee onstart=alert(1)>x</marquee><canvas>c</canvas>' },
  { html: '<img srcset="javascript:alert(1) 1x" src="https://example.org/a.png">' },
  { html: '<div id="x" class="y" data-foo="bar" contenteditable="true" tabindex="1" hidden>x</div>', keeps: 'x' },
  { html: '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>', keeps: '<script>alert(1)</script>' },
  { html: '<a href="mailto:x@y.z?body=&quot;><script>alert(1)</script>">m</a>', keeps: 'm' },
  { html: '<img src="https://example.org/a.png" alt="&quot; onerror=&quot;alert(1)">' },
  { html: '<h1 onclick="alert(1)">Title</h1>', keeps: 'Title' },
  { html: '<ul data-type="task_list"><li data-type="task_item" data-checked="true" onclick="alert(1)">t</li></ul>', keeps: 't' },
  { html: '<pre data-language="js&quot;><script>alert(1)</script>"><code>x</code></pre>', keeps: 'x' },
  { html: '<p style="text-align: center; color: red; margin-left: 72pt">x</p>', keeps: 'x' },
  { html: '<td colspan="2&quot; onmouseover=&quot;alert(1)">x</td>', keeps: 'x' },
  { html: `<div>${'<div>'.repeat(5000)}deep${'</div>'.repeat(5000)}</div>`, keeps: 'deep' },
];

describe('sanitizeHTML against hostile HTML', () => {
  it.each(HOSTILE.map((sample, index) => [index, sample] as const))('leaves nothing unsafe in snippet %i', (_index, sample) => {
    const output = sanitizeHTML(sample.html);
    const text = expectSafe(output);
    // Attribute values are checked above; what is left must not name anything dangerous.
    const markup = output.replace(/="[^"]*"/g, '=""');
    expect(markup).not.toMatch(/<(script|style|svg|math|iframe|object|embed|form|input|button|meta|link|base|textarea|template|noscript)\b/i);
    expect(markup).not.toMatch(/\son[a-z]+=/i);
    expect(markup).not.toMatch(/javascript:|vbscript:|data:text|expression\(|url\(/i);
    if (sample.keeps !== undefined) expect(text.replace(/\s+/g, '')).toBe(sample.keeps.replace(/\s+/g, ''));
    else expect(text).not.toMatch(/alert/);
  });

  it('escapes text that looks like markup instead of passing it on', () => {
    expect(sanitizeHTML('<p>&lt;img src=x onerror=alert(1)&gt;</p>')).toBe('<p>&lt;img src=x onerror=alert(1)&gt;</p>');
  });

  it('keeps a safe link and writes only its checked target', () => {
    expect(sanitizeHTML('<a href="HTTPS://example.org/?a=1&amp;b=2" title="T" onclick="x">ok</a>')).toBe(
      '<a rel="noopener noreferrer nofollow" href="https://example.org/?a=1&amp;b=2" title="T">ok</a>',
    );
  });

  it('reports the images it removes and keeps the allowed ones', () => {
    const removed: RemovedImage[] = [];
    const big = `data:image/png;base64,${'A'.repeat(Math.ceil((MAX_IMAGE_BYTES + 3) / 3) * 4)}`;
    const small = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
    const html = `<p><img src="file:///C:/Users/me/AppData/Local/Temp/msohtmlclip1/01/clip_image001.png"><img src="${big}"><img src="${small}" alt="ok"><img src="https://example.org/a.png"></p>`;
    const output = sanitizeHTML(html, { onImageRemoved: (image) => removed.push(image) });
    expect(removed).toEqual([
      { reason: 'unsupported-source', bytes: null },
      { reason: 'too-large', bytes: Math.ceil((MAX_IMAGE_BYTES + 3) / 3) * 3 },
    ]);
    expect(output).toBe(`<p><img src="${small}" alt="ok"><img src="https://example.org/a.png" alt=""></p>`);
    expect(sanitizeHTML(`<img src="${small}">`, { maxImageBytes: 1 })).toBe('');
  });

  it('rejects input that is not a string and a bad image cap', () => {
    expect(() => sanitizeHTML(null as unknown as string)).toThrow(TypeError);
    expect(() => htmlToSlice('<p>x</p>', { maxImageBytes: -1 })).toThrow(RangeError);
  });

  it('returns an empty string for nothing to paste', () => {
    expect(sanitizeHTML('')).toBe('');
    expect(sanitizeHTML('<script>x</script><style>y</style>')).toBe('');
  });

  it('parses a whole document for import, wrapping loose text in paragraphs', () => {
    const doc = htmlToDoc('loose <b>text</b><h2>Title</h2><script>x</script>');
    expect(() => doc.check()).not.toThrow();
    expect(doc.toJSON()).toEqual({
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          attrs: { level: 0, align: null, indent: 0 },
          content: [
            { type: 'text', text: 'loose ' },
            { type: 'text', marks: [{ type: 'bold' }], text: 'text' },
          ],
        },
        { type: 'paragraph', attrs: { level: 2, align: null, indent: 0 }, content: [{ type: 'text', text: 'Title' }] },
      ],
    });
    expect(htmlToDoc('').toJSON()).toEqual({ type: 'doc', content: [{ type: 'paragraph', attrs: { level: 0, align: null, indent: 0 } }] });
  });

  it('keeps the slice data prosemirror-view writes on copy, so pasting inside the editor keeps open items', () => {
    const copied = '<ul data-pm-slice="3 3 []"><li><p>one  two</p></li></ul>';
    expect(sanitizeHTML(copied)).toBe('<ul data-pm-slice="3 3 []"><li><p>one  two</p></li></ul>');
    const cells = '<table data-pm-slice="1 1 -2 [&quot;table&quot;,null]"><tbody><tr><td><p>a</p></td></tr></tbody></table>';
    expect(sanitizeHTML(cells)).toBe(
      '<table data-pm-slice="1 1 -2 [&quot;table&quot;,null]"><tbody><tr><td><p>a</p></td></tr></tbody></table>',
    );
    const context = '<p data-pm-slice="1 1 [&quot;heading&quot;,{&quot;level&quot;:2,&quot;align&quot;:null,&quot;indent&quot;:0}]">x</p>';
    expect(sanitizeHTML(context)).toContain('data-pm-slice="1 1 [&quot;heading&quot;');
  });

  it('drops slice data that names unknown nodes or attributes, or holds anything but plain values', () => {
    const hostile = [
      '0 0 [&quot;script&quot;,null]',
      '1 1 [&quot;paragraph&quot;,{&quot;onclick&quot;:&quot;alert(1)&quot;}]',
      '1 1 [&quot;heading&quot;,{&quot;level&quot;:{&quot;x&quot;:1}}]',
      '1 1 [&quot;paragraph&quot;]',
      '1 1 {&quot;a&quot;:1}',
      '1 1 [not json',
      '99999 1 []',
      `1 1 [${'&quot;paragraph&quot;,null,'.repeat(500)}&quot;paragraph&quot;,null]`,
    ];
    for (const data of hostile) {
      expect(sanitizeHTML(`<p data-pm-slice="${data}">x</p>`)).toBe('<p>x</p>');
    }
  });
});

