import { describe, expect, it } from 'vitest';
import { parseDeclarations } from './css-declarations.js';
import { HtmlComment, HtmlElement, HtmlText } from './html-dom.js';
import type { HtmlChild, HtmlParent } from './html-dom.js';
import { decodeCharacterReferences } from './html-entities.js';
import { MAX_HTML_DEPTH, parseHTML } from './html-parser.js';

/** The tree as nested arrays: [tag, ...children] for elements, strings for text, '<!…>' for comments. */
function shape(parent: HtmlParent): unknown[] {
  return parent.childNodes.map((child: HtmlChild) => {
    if (child instanceof HtmlText) return child.nodeValue;
    if (child instanceof HtmlComment) return `<!${child.nodeValue}>`;
    return [child.localName, ...shape(child)];
  });
}

describe('decodeCharacterReferences', () => {
  it('decodes named, decimal and hexadecimal references', () => {
    expect(decodeCharacterReferences('&auml;&ouml;&uuml;&szlig; &amp; &#228; &#xE4; &euro; &hellip;')).toBe('äöüß & ä ä € …');
  });

  it('decodes Latin-1 names without semicolon in text but not before = or letters in attributes', () => {
    expect(decodeCharacterReferences('&copy 2024 &ampx')).toBe('© 2024 &x');
    expect(decodeCharacterReferences('a?x=1&copy=2', true)).toBe('a?x=1&copy=2');
    expect(decodeCharacterReferences('a?x=1&amp;y=2', true)).toBe('a?x=1&y=2');
  });

  it("maps C1 references to windows-1252 as Word means them, and invalid ones to U+FFFD", () => {
    expect(decodeCharacterReferences('&#150; &#147;x&#148;')).toBe('– “x”');
    expect(decodeCharacterReferences('&#0;&#xD800;&#x110000;')).toBe('\ufffd\ufffd\ufffd');
  });

  it('decodes the punctuation names used to hide schemes, and leaves unknown names alone', () => {
    expect(decodeCharacterReferences('javascript&colon;alert&lpar;1&rpar;')).toBe('javascript:alert(1)');
    expect(decodeCharacterReferences('&unknownname; &')).toBe('&unknownname; &');
  });
});

describe('parseHTML', () => {
  it('builds elements, text and attributes in every quoting style', () => {
    const root = parseHTML(`<p class=MsoNormal style='font:7.0pt "Times New Roman"' title="a &amp; b" hidden>x</p>`);
    const p = root.firstChild as HtmlElement;
    expect(p.getAttribute('class')).toBe('MsoNormal');
    expect(p.getAttribute('style')).toBe('font:7.0pt "Times New Roman"');
    expect(p.getAttribute('title')).toBe('a & b');
    expect(p.getAttribute('hidden')).toBe('');
    expect(shape(root)).toEqual([['p', 'x']]);
  });

  it('keeps the first of duplicated attributes, as browsers do', () => {
    const a = parseHTML('<a href="https://ok" href="javascript:x">x</a>').firstChild as HtmlElement;
    expect(a.getAttribute('href')).toBe('https://ok');
  });

  it('reads script and style content as text, whatever it looks like', () => {
    const root = parseHTML('<script>if (a < b) document.write("<p>x</p>")</script><style>p { color: red }</style><p>y</p>');
    expect(shape(root)).toEqual([
      ['script', 'if (a < b) document.write("<p>x</p>")'],
      ['style', 'p { color: red }'],
      ['p', 'y'],
    ]);
    expect(shape(parseHTML('<SCRIPT>x</Script >after'))).toEqual([['script', 'x'], 'after']);
    expect(shape(parseHTML('<title>a &amp; <b></title>'))).toEqual([['title', 'a & <b>']]);
  });

  it('turns comments, the doctype and Word conditional markers into comments', () => {
    const root = parseHTML('<!DOCTYPE html><!--StartFragment--><![if !supportLists]>·<![endif]><!---->x');
    expect(shape(root)).toEqual(['<!DOCTYPE html>', '<!StartFragment>', '<![if !supportLists]>', '·', '<![endif]>', '<!>', 'x']);
    expect(shape(parseHTML('a<!-- never closed <p>b'))).toEqual(['a', '<! never closed <p>b>']);
  });

  it('closes paragraphs, list items, cells and headings the way HTML implies', () => {
    expect(shape(parseHTML('<p>one<p>two<div>three</div>'))).toEqual([['p', 'one'], ['p', 'two'], ['div', 'three']]);
    expect(shape(parseHTML('<ul><li>a<li>b<ul><li>c</ul><li>d</ul>'))).toEqual([
      ['ul', ['li', 'a'], ['li', 'b', ['ul', ['li', 'c']]], ['li', 'd']],
    ]);
    expect(shape(parseHTML('<table><tr><td>a<td>b<tr><td>c</table>after'))).toEqual([
      ['table', ['tr', ['td', 'a'], ['td', 'b']], ['tr', ['td', 'c']]],
      'after',
    ]);
    expect(shape(parseHTML('<h1>a<h2>b'))).toEqual([['h1', 'a'], ['h2', 'b']]);
  });

  it('knows void elements and ignores stray end tags', () => {
    expect(shape(parseHTML('a<br>b<img src=x>c</span></p>d<hr/>e'))).toEqual(['a', ['br'], 'b', ['img'], 'cd', ['hr'], 'e']);
    expect(shape(parseHTML('a</br>b'))).toEqual(['a', ['br'], 'b']);
  });

  it('treats a < that opens no tag as text', () => {
    expect(shape(parseHTML('1 < 2 <3 <> x'))).toEqual(['1 < 2 <3 <> x']);
  });

  it('keeps namespaced Word tags as elements', () => {
    expect(shape(parseHTML('<p>x<o:p></o:p></p>'))).toEqual([['p', 'x', ['o:p']]]);
  });

  it('stops nesting at MAX_HTML_DEPTH, so deep input cannot overflow the stack', () => {
    const depth = 20_000;
    const root = parseHTML('<div>'.repeat(depth) + 'deep' + '</div>'.repeat(depth));
    let levels = 0;
    for (let node: HtmlParent | null = root; node && node.firstChild instanceof HtmlElement; node = node.firstChild as HtmlElement) {
      levels++;
    }
    expect(levels).toBeLessThanOrEqual(MAX_HTML_DEPTH + 1);
    expect(root.textContent).toBe('deep');
  });
});

describe('HtmlElement', () => {
  it('matches the simple selectors parse rules use', () => {
    const element = parseHTML('<ul data-type="task_list" class="a b">').firstChild as HtmlElement;
    expect(element.matches('ul')).toBe(true);
    expect(element.matches('ul[data-type="task_list"]')).toBe(true);
    expect(element.matches('ul[data-type=other], ol')).toBe(false);
    expect(element.matches('*.b[class]')).toBe(true);
    expect(() => element.matches('div > ul')).toThrow(/not supported/);
  });

  it('serializes with escaped text and attributes', () => {
    const p = new HtmlElement('p');
    p.setAttribute('title', '"><script>alert(1)</script>');
    p.appendChild(new HtmlText('<img src=x onerror=alert(1)> & \u00a0'));
    expect(p.outerHTML).toBe(
      '<p title="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;">&lt;img src=x onerror=alert(1)&gt; &amp; &nbsp;</p>',
    );
  });
});

describe('parseDeclarations', () => {
  it('reads declarations with quotes, parentheses, comments and !important', () => {
    const styles = parseDeclarations(
      `font:7.0pt "Times; New Roman"; color: RED !important; /* x: y */ background: url("a;b") no-repeat; COLOR: blue; broken`,
    );
    expect([...styles]).toEqual([
      ['font', '7.0pt "Times; New Roman"'],
      ['color', 'blue'],
      ['background', 'url("a;b") no-repeat'],
    ]);
  });
});
