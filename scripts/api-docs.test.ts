import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module script without type declarations
import { code, END_MARKER, inlineMarkdown, renderApi, START_MARKER, updateReadme } from './api-docs.mjs';

const script = path.join(path.dirname(new URL(import.meta.url).pathname), 'api-docs.mjs');

/** A small manifest with one element that has one of everything, in the shape `cem analyze` writes. */
function manifest() {
  return {
    schemaVersion: '2.1.0',
    modules: [
      {
        kind: 'javascript-module',
        path: 'src/sample-element.ts',
        declarations: [
          {
            kind: 'class',
            name: 'SampleElement',
            tagName: 'sample-element',
            customElement: true,
            description: 'A sample with a `code span`.\n\nA second paragraph that stays out of the summary.',
            members: [
              { kind: 'field', name: 'mode', type: { text: "'a' | 'b'" }, default: "'a'", attribute: 'mode', reflects: true,
                description: 'Either a | b, see {@link SampleEvent}.' },
              { kind: 'field', name: 'ready', type: { text: 'boolean' }, readonly: true, description: 'Whether it is ready.' },
              { kind: 'field', name: 'secret', privacy: 'private', description: 'Not API.' },
              { kind: 'field', name: 'eventName', static: true, default: "'x'" },
              { kind: 'method', name: 'reset', parameters: [{ name: 'hard', optional: true, type: { text: 'boolean' } }],
                return: { type: { text: 'void' } }, description: 'Starts over.' },
            ],
            attributes: [
              { name: 'mode', fieldName: 'mode', type: { text: "'a' | 'b'" } },
              { name: 'data-only', type: { text: 'string' }, description: 'An attribute without a property.' },
            ],
            events: [{ name: 'sample-change', type: { text: 'SampleEvent' }, description: 'After a `change.' }],
            slots: [{ name: '', description: 'The content.' }, { name: 'footer', description: 'Below it.' }],
            cssParts: [{ name: 'box', description: 'The <div> around it.' }],
            cssProperties: [{ name: '--sample-gap', default: '1rem', description: 'Space between items.' }],
          },
          {
            kind: 'class',
            name: 'SampleEvent',
            members: [{ kind: 'field', name: 'detail', readonly: true, type: { text: '{ value: string }' } }],
          },
        ],
      },
    ],
  };
}

describe('inlineMarkdown', () => {
  it('escapes pipes outside and inside code spans, and tags outside them', () => {
    expect(inlineMarkdown('a | b `x | y` <div>')).toBe('a \\| b `x \\| y` &lt;div>');
  });

  it('keeps complete code spans and escapes a backtick that opens none', () => {
    expect(inlineMarkdown('use `el.ydoc`, not ` alone')).toBe('use `el.ydoc`, not \\` alone');
    expect(inlineMarkdown('a ``double ` inside`` span')).toBe('a ``double ` inside`` span');
  });

  it('joins lines and turns {@link} into code', () => {
    expect(inlineMarkdown('see {@link Foo}\nand {@link Bar the bar}')).toBe('see `Foo` and the bar');
  });
});

describe('code', () => {
  it('picks a fence longer than any backtick run inside and escapes pipes', () => {
    expect(code('`${string}` | null')).toBe('`` `${string}` \\| null ``');
    expect(code('string')).toBe('`string`');
  });
});

describe('renderApi', () => {
  it('writes a table per kind of API with the escaped descriptions', () => {
    const api = renderApi(manifest());
    expect(api).toContain('### `<sample-element>`');
    expect(api).toContain('A sample with a `code span`.');
    expect(api).not.toContain('second paragraph');
    expect(api).toContain("| `mode` | `mode` | `'a' \\| 'b'` | `'a'` | Either a \\| b, see `SampleEvent`. Reflected to the attribute. |");
    expect(api).toContain('| `ready` | — | `boolean` | — | Whether it is ready. Read-only. |');
    expect(api).toContain('| — | `data-only` | `string` | — | An attribute without a property. |');
    expect(api).toContain('| `reset(hard?: boolean): void` | Starts over. |');
    expect(api).toContain('| `sample-change` | `SampleEvent` | `detail`: `{ value: string }` | After a \\`change. |');
    expect(api).toContain('| (default) | The content. |');
    expect(api).toContain('| `footer` | Below it. |');
    expect(api).toContain('| `box` | The &lt;div> around it. |');
    expect(api).toContain('| `--sample-gap` | `1rem` | Space between items. |');
    expect(api).not.toContain('secret');
    expect(api).not.toContain('eventName');
    for (const heading of ['Attributes and properties', 'Methods', 'Events', 'Slots', 'CSS parts', 'CSS custom properties']) {
      expect(api).toContain(`#### ${heading}\n\n| `);
    }
  });

  it('gives every row of a table as many cells as its header, whatever the descriptions hold', () => {
    const cells = (row: string): number => row.replace(/\\\|/g, '').split('|').length - 2;
    const tables = renderApi(manifest()).split('\n\n').filter((block: string) => block.startsWith('|'));
    expect(tables.length).toBe(6);
    for (const block of tables) {
      const [header, ...rows] = block.split('\n');
      expect(rows.length).toBeGreaterThan(1);
      for (const row of rows) expect(cells(row), row).toBe(cells(header));
    }
  });

  it('refuses something that is not a manifest, and a manifest without elements', () => {
    expect(() => renderApi({})).toThrow(TypeError);
    expect(() => renderApi(null)).toThrow(/not a custom-elements manifest/);
    expect(() => renderApi({ modules: [{ kind: 'javascript-module', path: 'x.ts', declarations: [] }] })).toThrow(RangeError);
  });
});

describe('updateReadme', () => {
  const api = '### `<sample-element>`';

  it('adds the markers at the end of the API section, before the next section', () => {
    const readme = '# pkg\n\n## API\n\nProse about the API.\n\n## Limits\n\n- none\n';
    const next = updateReadme(readme, api);
    expect(next).toBe(`# pkg\n\n## API\n\nProse about the API.\n\n${START_MARKER}\n${api}\n${END_MARKER}\n\n## Limits\n\n- none\n`);
  });

  it('adds an API section at the end when there is none', () => {
    expect(updateReadme('# pkg\n\nText.\n', api)).toBe(`# pkg\n\nText.\n\n## API\n\n${START_MARKER}\n${api}\n${END_MARKER}\n`);
  });

  it('replaces only what is between the markers, and a second run changes nothing', () => {
    const readme = `# pkg\n\n## API\n\n${START_MARKER}\nold\n${END_MARKER}\n\nAfter.\n`;
    const once = updateReadme(readme, renderApi(manifest()));
    expect(once.startsWith('# pkg\n\n## API\n\n<!-- api:start -->\n')).toBe(true);
    expect(once.endsWith(`${END_MARKER}\n\nAfter.\n`)).toBe(true);
    expect(once).not.toContain('\nold\n');
    expect(updateReadme(once, renderApi(manifest()))).toBe(once);
    const fromScratch = updateReadme('# pkg\n\n## API\n', api);
    expect(updateReadme(fromScratch, api)).toBe(fromScratch);
  });

  it('refuses broken markers and leaves the decision to a person', () => {
    expect(() => updateReadme(`${START_MARKER}\nx\n`, api)).toThrow(RangeError);
    expect(() => updateReadme(`${END_MARKER}\n${START_MARKER}\n`, api)).toThrow(/comes before/);
    expect(() => updateReadme(`${START_MARKER}${END_MARKER}${START_MARKER}${END_MARKER}`, api)).toThrow(/once each/);
  });
});

describe('the command line', () => {
  let dir = '';
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = '';
  });

  function run(...args: string[]): { status: number; stdout: string; stderr: string } {
    try {
      return { status: 0, stdout: execFileSync(process.execPath, [script, ...args], { encoding: 'utf8', stdio: 'pipe' }), stderr: '' };
    } catch (error) {
      const failed = error as { status: number; stdout: string; stderr: string };
      return { status: failed.status, stdout: failed.stdout, stderr: failed.stderr };
    }
  }

  it('writes the README once, then reports it up to date, and --check agrees', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'api-docs-'));
    writeFileSync(path.join(dir, 'custom-elements.json'), JSON.stringify(manifest()));
    writeFileSync(path.join(dir, 'README.md'), '# sample\n\n## API\n\nProse.\n');
    expect(run(dir, '--check').status).toBe(1);
    expect(run(dir).status).toBe(0);
    const written = readFileSync(path.join(dir, 'README.md'), 'utf8');
    expect(written).toContain('| `--sample-gap` | `1rem` | Space between items. |');
    const again = run(dir);
    expect(again.stdout).toContain('up to date');
    expect(readFileSync(path.join(dir, 'README.md'), 'utf8')).toBe(written);
    expect(run(dir, '--check').status).toBe(0);
  });

  it('--print changes nothing', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'api-docs-'));
    writeFileSync(path.join(dir, 'custom-elements.json'), JSON.stringify(manifest()));
    writeFileSync(path.join(dir, 'README.md'), '# sample\n');
    const printed = run(dir, '--print');
    expect(printed.status).toBe(0);
    expect(printed.stdout).toContain('### `<sample-element>`');
    expect(readFileSync(path.join(dir, 'README.md'), 'utf8')).toBe('# sample\n');
  });

  it('fails with a clear message and touches nothing when the manifest is missing or broken', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'api-docs-'));
    writeFileSync(path.join(dir, 'README.md'), '# sample\n');
    const missing = run(dir);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/custom-elements\.json does not exist; run the package's build first/);
    writeFileSync(path.join(dir, 'custom-elements.json'), '{ not json');
    const broken = run(dir);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toMatch(/is not valid JSON/);
    expect(readFileSync(path.join(dir, 'README.md'), 'utf8')).toBe('# sample\n');
    expect(run().status).toBe(2);
  });
});
