// Configuration of @custom-elements-manifest/analyzer (`cem analyze`) for the element packages
// (@allmende/ui, doc, sheet, calendar, elements). Each package's build runs it from the package's
// own folder, so the globs are relative to that folder and the manifest lands beside its
// package.json as custom-elements.json:
//
//   "build": "tsc -b && cem analyze --config ../../custom-elements-manifest.config.mjs"
//
// package.json names the manifest itself ("customElements"), so the analyzer must not edit it.
// The manifest lists the package's public API only: what src/index.ts exports.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The element packages whose declarations @allmende/elements re-exports, by folder name. */
const REEXPORTED_PACKAGES = ['doc', 'sheet', 'calendar'];

/**
 * Properties of HTMLElement that the analyzer mistakes for the element's own fields when the
 * constructor sets them on another node (`this.scroller.className = …`); dropped when undocumented.
 */
const MISREAD_DOM_FIELDS = new Set(['className', 'hidden', 'spellcheck', 'tabIndex', 'textContent', 'title']);

/** Whether a member name is public: named, and not `_state` or `#private`. */
function isPublicName(name) {
  return typeof name === 'string' && name !== '' && !name.startsWith('_') && !name.startsWith('#');
}

/** `./allmende-doc.js` (as index.ts imports it) → `src/allmende-doc.ts` (as the manifest names it). */
function modulePath(specifier) {
  return path.posix.join('src', specifier.replace(/^\.\//, '').replace(/\.js$/, '.ts'));
}

/**
 * Keeps what a host can use: the modules and declarations src/index.ts exports, their public
 * members (not private, protected, `_state`, Lit's static `styles`/`properties`), events with a
 * name (the analyzer also lists each `dispatchEvent(new X())` without one; `@fires` names them),
 * and the `detail` type of events that extend `CustomEvent<Detail>`, as a `detail` field of the
 * event class. Lit's internal reactive state (`static properties = { x: { state: true } }`) has
 * no attribute and is not API, whatever its name, so it is dropped too.
 */
function publicApiOnly() {
  /** Event class name → the type argument of `CustomEvent<…>` it extends. */
  const eventDetails = new Map();
  /** Class name → names declared `{ state: true }` in its static `properties`. */
  const stateProperties = new Map();
  return {
    name: 'allmende-public-api-only',
    analyzePhase({ ts, node }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      stateProperties.set(node.name.getText(), litStateProperties(ts, node));
      for (const clause of node.heritageClauses ?? []) {
        const base = clause.types[0];
        if (base?.expression.getText() === 'CustomEvent' && base.typeArguments?.length === 1) {
          eventDetails.set(node.name.getText(), base.typeArguments[0].getText());
        }
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      const index = customElementsManifest.modules.find((mod) => mod.path === 'src/index.ts');
      if (!index) throw new Error('custom-elements manifest: src/index.ts was not analyzed');
      const exported = new Map();
      for (const exp of index.exports ?? []) {
        const from = exp.declaration?.module;
        if (exp.kind !== 'js' || !from?.startsWith('./')) continue;
        const file = modulePath(from);
        if (!exported.has(file)) exported.set(file, new Set());
        exported.get(file).add(exp.declaration.name);
        exp.declaration.module = file;
      }
      customElementsManifest.modules = customElementsManifest.modules.filter(
        (mod) => mod === index || exported.has(mod.path));
      for (const mod of customElementsManifest.modules) {
        if (mod === index) continue;
        const names = exported.get(mod.path);
        mod.declarations = (mod.declarations ?? []).filter((declaration) => names.has(declaration.name));
        mod.exports = (mod.exports ?? []).filter(
          (exp) => exp.kind === 'custom-element-definition' || names.has(exp.name));
        for (const declaration of mod.declarations) {
          if (declaration.kind === 'class') cleanClass(declaration, eventDetails, stateProperties.get(declaration.name));
        }
      }
      // Types only TypeScript sees (type aliases, interfaces) have no declaration in the manifest.
      const declared = new Set(customElementsManifest.modules.flatMap(
        (mod) => (mod.declarations ?? []).map((declaration) => `${mod.path}#${declaration.name}`)));
      index.exports = (index.exports ?? []).filter((exp) =>
        exp.declaration?.package !== undefined || declared.has(`${exp.declaration?.module}#${exp.declaration?.name}`));
    },
  };
}

/** The names a Lit class declares as internal state: `static properties = { name: { state: true } }`. */
function litStateProperties(ts, node) {
  const names = new Set();
  for (const member of node.members) {
    const isStatic = member.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.StaticKeyword);
    if (!isStatic || !ts.isPropertyDeclaration(member) || member.name.getText() !== 'properties') continue;
    if (!member.initializer || !ts.isObjectLiteralExpression(member.initializer)) continue;
    for (const property of member.initializer.properties) {
      if (!ts.isPropertyAssignment(property) || !ts.isObjectLiteralExpression(property.initializer)) continue;
      const isState = property.initializer.properties.some((option) => ts.isPropertyAssignment(option)
        && option.name.getText() === 'state' && option.initializer.kind === ts.SyntaxKind.TrueKeyword);
      if (isState) names.add(property.name.getText().replace(/^['"]|['"]$/g, ''));
    }
  }
  return names;
}

/** Drops a class's non-public members, state and nameless events, and records a CustomEvent's detail type. */
function cleanClass(declaration, eventDetails, state = new Set()) {
  declaration.members = (declaration.members ?? []).filter(
    (member) => isPublicName(member.name) && !state.has(member.name) && member.privacy !== 'private' && member.privacy !== 'protected'
      && !(member.static && (member.name === 'styles' || member.name === 'properties'))
      && !(MISREAD_DOM_FIELDS.has(member.name) && !member.description));
  if (declaration.attributes) {
    declaration.attributes = declaration.attributes.filter(
      (attribute) => attribute.fieldName === undefined || (isPublicName(attribute.fieldName) && !state.has(attribute.fieldName)));
  }
  if (declaration.events) {
    declaration.events = declaration.events.filter((event) => typeof event.name === 'string' && event.name !== '');
  }
  const detail = eventDetails.get(declaration.name);
  if (detail && !declaration.members.some((member) => member.name === 'detail')) {
    declaration.members.push({
      kind: 'field',
      name: 'detail',
      type: { text: detail },
      readonly: true,
      description: 'What the event carries.',
      inheritedFrom: { name: 'CustomEvent' },
    });
  }
}

/**
 * @allmende/elements only re-exports the three element packages, so the analyzer finds no
 * element in its own source. This copies the declarations those packages export from the
 * manifests their builds wrote (they build first: elements depends on them) into the module
 * of `src/index.ts`, so a tool reading @allmende/elements's manifest sees all three tags and
 * their event classes.
 */
function includeReexportedElements(packageDir) {
  return {
    name: 'allmende-include-reexported-elements',
    packageLinkPhase({ customElementsManifest }) {
      if (path.basename(packageDir) !== 'elements') return;
      const index = customElementsManifest.modules.find((mod) => mod.path === 'src/index.ts');
      if (!index) throw new Error('custom-elements manifest: packages/elements/src/index.ts was not analyzed');
      index.declarations = [];
      index.exports = [];
      for (const name of REEXPORTED_PACKAGES) {
        const file = path.join(packageDir, '..', name, 'custom-elements.json');
        if (!existsSync(file)) {
          throw new Error(`custom-elements manifest: ${file} is missing; build @allmende/${name} first`);
        }
        const manifest = JSON.parse(readFileSync(file, 'utf8'));
        for (const mod of manifest.modules) {
          if (mod.path === 'src/index.ts') continue;
          for (const declaration of mod.declarations ?? []) {
            const reference = { name: declaration.name, module: 'src/index.ts' };
            index.declarations.push(declaration);
            index.exports.push({ kind: 'js', name: declaration.name, declaration: reference });
            if (declaration.customElement && declaration.tagName) {
              index.exports.push({ kind: 'custom-element-definition', name: declaration.tagName, declaration: reference });
            }
          }
        }
      }
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.test-support.ts', 'src/**/*.d.ts'],
  outdir: '.',
  litelement: true,
  packagejson: false,
  plugins: [includeReexportedElements(process.cwd()), publicApiOnly()],
};
