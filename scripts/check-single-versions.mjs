// Fails when the workspace resolves two versions of a package that must exist once in a bundle:
// two copies of Yjs or of a ProseMirror package break `instanceof` checks and silently split state.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const mustBeSingle = (name) => name === 'yjs' || name === 'y-protocols' || name === 'lit' || name.startsWith('prosemirror-');

const versions = new Map();
for (const entry of readdirSync(join(root, 'node_modules', '.pnpm'))) {
  // Entries look like `yjs@13.6.33` or `y-prosemirror@1.3.7_prosemirror-model@1.25.13_...`.
  const match = /^(@?[^@]+)@([^_]+)/.exec(entry);
  if (!match) continue;
  const name = match[1].replace('+', '/');
  if (!mustBeSingle(name)) continue;
  versions.set(name, new Set([...(versions.get(name) ?? []), match[2]]));
}

const duplicated = [...versions].filter(([, found]) => found.size > 1);
for (const [name, found] of duplicated) {
  console.error(`${name} is installed in ${found.size} versions (${[...found].join(', ')}); align the ranges so there is one.`);
}
if (duplicated.length > 0) process.exit(1);
console.log(`one version each: ${[...versions].map(([name, found]) => `${name}@${[...found][0]}`).sort().join(', ')}`);
