import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Runs the real analyzer (`cem analyze`) with the repository's configuration on small packages
// written for the test, as a package build does, and checks what the manifest holds.
const repo = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const config = path.join(repo, 'custom-elements-manifest.config.mjs');
const cem = path.join(repo, 'node_modules', '.bin', 'cem');

const ELEMENT = `import { LitElement, html } from 'lit';
import { PickedEvent } from './picked-event.js';

/**
 * \`<sample-picker>\`: picks a colour.
 *
 * @fires {PickedEvent} sample-picked - After the user picked a colour.
 * @slot - The colour swatches.
 * @slot footer - Below the swatches.
 * @csspart list - The box around the swatches.
 * @cssprop --sample-gap - Space between swatches (0.5rem).
 */
export class SamplePicker extends LitElement {
  static override properties = {
    value: { type: String },
    userName: { type: String, attribute: 'user-name' },
    items: { attribute: false },
    _open: { state: true },
    highlighted: { state: true },
  };

  /** The picked colour as \`#rrggbb\`. */
  declare value: string;
  /** Who picks (attribute \`user-name\`). */
  declare userName: string;
  /** The colours offered. */
  declare items: readonly string[];
  private declare _open: boolean;
  /** Internal reactive state with a public-looking name. */
  declare highlighted: number;
  private readonly box: HTMLDivElement;

  constructor() {
    super();
    this.value = '';
    this.userName = '';
    this.items = [];
    this._open = false;
    this.highlighted = -1;
    this.box = document.createElement('div');
    this.box.className = 'box';
  }

  /** Opens the list. */
  show(): void {
    this._open = true;
    this.dispatchEvent(new PickedEvent({ value: this.value }));
  }

  /**
   * Used by the element's parts only.
   * @internal
   */
  relayout(): void {}

  protected override render() {
    return html\`<div part="list"><slot></slot></div>\`;
  }
}

customElements.define('sample-picker', SamplePicker);
`;

const EVENT = `/** What {@link PickedEvent} carries. */
export interface PickedDetail {
  readonly value: string;
}

/** Fired by \`<sample-picker>\` after a pick. */
export class PickedEvent extends CustomEvent<PickedDetail> {
  /** The event's type. */
  static readonly eventName = 'sample-picked' as const;

  constructor(detail: PickedDetail) {
    super(PickedEvent.eventName, { detail, bubbles: true, composed: true });
  }
}
`;

const INTERNAL = `/** Not exported from index.ts. */
export function internalHelper(): number {
  return 1;
}
`;

interface Manifest {
  modules: Array<{
    path: string;
    declarations?: Array<Record<string, unknown> & { name: string; members?: Array<Record<string, unknown> & { name: string }> }>;
    exports?: Array<{ kind: string; name: string; declaration: { name: string; module?: string; package?: string } }>;
  }>;
}

function writePackage(dir: string, files: Record<string, string>): void {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
}

function analyze(dir: string): Manifest {
  execFileSync(cem, ['analyze', '--quiet', '--config', config], { cwd: dir, stdio: 'pipe' });
  return JSON.parse(readFileSync(path.join(dir, 'custom-elements.json'), 'utf8')) as Manifest;
}

let root = '';
let manifest: Manifest;

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'cem-config-'));
  for (const name of ['doc', 'sheet', 'calendar']) {
    const rename = (text: string): string => text.replaceAll('sample-picker', `sample-${name}`)
      .replaceAll('SamplePicker', `Sample${name}`).replaceAll('PickedEvent', `Picked${name}Event`).replaceAll('PickedDetail', `Picked${name}Detail`);
    writePackage(path.join(root, name), {
      'package.json': '{ "type": "module" }',
      'src/index.ts': rename("export { SamplePicker } from './element.js';\nexport { PickedEvent } from './picked-event.js';\nexport type { PickedDetail } from './picked-event.js';\n"),
      'src/element.ts': rename(ELEMENT),
      'src/picked-event.ts': rename(EVENT),
      'src/internal.ts': INTERNAL,
      'src/element.test.ts': "import { it } from 'vitest';\nit('is left out', () => {});\n",
    });
  }
  manifest = analyze(path.join(root, 'doc'));
}, 120_000);

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

function declaration(m: Manifest, name: string) {
  const found = m.modules.flatMap((mod) => mod.declarations ?? []).find((d) => d.name === name);
  expect(found, `${name} in the manifest`).toBeDefined();
  return found!;
}

describe('the custom-elements manifest configuration', () => {
  it('lists the element with its tag, attributes, typed and described properties, slots, parts and custom properties', () => {
    const element = declaration(manifest, 'Sampledoc');
    expect(element.tagName).toBe('sample-doc');
    expect(element.customElement).toBe(true);
    const members = element.members ?? [];
    expect(members.find((m) => m.name === 'value')).toMatchObject({ type: { text: 'string' }, description: 'The picked colour as `#rrggbb`.', attribute: 'value' });
    expect(members.find((m) => m.name === 'userName')).toMatchObject({ attribute: 'user-name' });
    expect(members.find((m) => m.name === 'items')).toMatchObject({ type: { text: 'readonly string[]' } });
    expect(members.find((m) => m.name === 'show')).toMatchObject({ kind: 'method', description: 'Opens the list.' });
    expect((element.attributes as Array<{ name: string }>).map((a) => a.name).sort()).toEqual(['user-name', 'value']);
    expect(element.slots).toEqual([
      { description: 'The colour swatches.', name: '' },
      { description: 'Below the swatches.', name: 'footer' },
    ]);
    expect(element.cssParts).toEqual([{ description: 'The box around the swatches.', name: 'list' }]);
    expect(element.cssProperties).toEqual([{ description: 'Space between swatches (0.5rem).', name: '--sample-gap' }]);
  });

  it('keeps private, protected, state, @internal and misread DOM members out', () => {
    const names = (declaration(manifest, 'Sampledoc').members ?? []).map((m) => m.name);
    for (const hidden of ['_open', 'highlighted', 'box', 'relayout', 'render', 'className', 'properties', 'styles']) {
      expect(names, hidden).not.toContain(hidden);
    }
  });

  it('names each event once, with its class as the type and the class\'s detail type', () => {
    expect(declaration(manifest, 'Sampledoc').events).toEqual([
      { type: { text: 'PickeddocEvent' }, description: 'After the user picked a colour.', name: 'sample-picked' },
    ]);
    const detail = (declaration(manifest, 'PickeddocEvent').members ?? []).find((m) => m.name === 'detail');
    expect(detail).toMatchObject({ type: { text: 'PickeddocDetail' }, readonly: true });
  });

  it('holds only what index.ts exports: no tests, no internal modules', () => {
    const paths = manifest.modules.map((mod) => mod.path).sort();
    expect(paths).toEqual(['src/element.ts', 'src/index.ts', 'src/picked-event.ts']);
    const index = manifest.modules.find((mod) => mod.path === 'src/index.ts')!;
    expect(index.exports?.map((exp) => [exp.name, exp.declaration.module])).toEqual([
      ['Sampledoc', 'src/element.ts'],
      ['PickeddocEvent', 'src/picked-event.ts'],
    ]);
  });

  it('gathers the three element packages into the manifest of @allmende/elements', () => {
    analyze(path.join(root, 'sheet'));
    analyze(path.join(root, 'calendar'));
    const elementsDir = path.join(root, 'elements');
    writePackage(elementsDir, {
      'package.json': '{ "type": "module" }',
      'src/index.ts': "export * from '@allmende/doc';\nexport * from '@allmende/sheet';\nexport * from '@allmende/calendar';\n",
    });
    const combined = analyze(elementsDir);
    expect(combined.modules.map((mod) => mod.path)).toEqual(['src/index.ts']);
    const index = combined.modules[0]!;
    expect(index.declarations?.filter((d) => d.customElement).map((d) => d.tagName)).toEqual(['sample-doc', 'sample-sheet', 'sample-calendar']);
    expect(index.exports?.filter((exp) => exp.kind === 'custom-element-definition').map((exp) => exp.name))
      .toEqual(['sample-doc', 'sample-sheet', 'sample-calendar']);
    expect(declaration(combined, 'Samplesheet').events).toHaveLength(1);
  }, 120_000);

  it('fails the build of @allmende/elements with a clear message when a package was not built', () => {
    const lonely = path.join(root, 'alone', 'elements');
    writePackage(lonely, { 'package.json': '{ "type": "module" }', 'src/index.ts': "export * from '@allmende/doc';\n" });
    expect(() => analyze(lonely)).toThrow(/doc[/\\]custom-elements\.json is missing; build @allmende\/doc first/);
  }, 120_000);
});
