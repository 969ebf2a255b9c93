// A renderer for the small subset of Helm's Go templates that deploy/helm uses, so the chart can be
// rendered and checked without the helm binary. Anything outside the subset throws, so a template
// that grows beyond it fails the test instead of rendering wrongly.
import { stringify } from 'yaml';

/** What templates can refer to: `.Values`, `.Release` and `.Chart`. */
export interface RenderContext {
  Values: Record<string, unknown>;
  Release: { Name: string; Namespace: string };
  Chart: Record<string, unknown>;
}

type Node = { kind: 'text'; text: string } | { kind: 'output'; expression: string } | { kind: 'if'; condition: string; then: Node[]; otherwise: Node[] };

const action = /\{\{(-?)\s*(.*?)\s*(-?)\}\}/gs;

/** Returns every `.Values.a.b` path a template mentions, taken branches or not. */
export function valuePaths(template: string): string[] {
  return [...template.matchAll(/\.Values((?:\.[A-Za-z0-9_]+)+)/g)].map((match) => match[1]!.slice(1));
}

/** Renders `template` with `context`; throws for an unsupported action or a value that is not set. */
export function renderTemplate(template: string, context: RenderContext): string {
  return renderNodes(parse(template), context);
}

function parse(template: string): Node[] {
  // Split into text and actions, applying {{- and -}} whitespace trimming to the neighbouring text.
  const pieces: Array<{ text: string } | { action: string }> = [];
  let last = 0;
  let trimNext = false;
  for (const match of template.matchAll(action)) {
    let text = template.slice(last, match.index);
    if (trimNext) text = text.replace(/^\s+/, '');
    if (match[1] === '-') text = text.replace(/\s+$/, '');
    pieces.push({ text });
    pieces.push({ action: match[2]! });
    trimNext = match[3] === '-';
    last = match.index + match[0].length;
  }
  let rest = template.slice(last);
  if (trimNext) rest = rest.replace(/^\s+/, '');
  pieces.push({ text: rest });

  const root: Node[] = [];
  const stack: Array<{ node: Extract<Node, { kind: 'if' }>; inElse: boolean }> = [];
  const target = (): Node[] => {
    const top = stack[stack.length - 1];
    return top === undefined ? root : top.inElse ? top.node.otherwise : top.node.then;
  };
  for (const piece of pieces) {
    if ('text' in piece) {
      if (piece.text !== '') target().push({ kind: 'text', text: piece.text });
      continue;
    }
    const words = piece.action;
    if (words.startsWith('if ')) {
      const node: Extract<Node, { kind: 'if' }> = { kind: 'if', condition: words.slice(3).trim(), then: [], otherwise: [] };
      target().push(node);
      stack.push({ node, inElse: false });
    } else if (words === 'else') {
      const top = stack[stack.length - 1];
      if (top === undefined || top.inElse) throw new Error('{{ else }} without {{ if }}');
      top.inElse = true;
    } else if (words === 'end') {
      if (stack.pop() === undefined) throw new Error('{{ end }} without {{ if }}');
    } else {
      target().push({ kind: 'output', expression: words });
    }
  }
  if (stack.length > 0) throw new Error('{{ if }} without {{ end }}');
  return root;
}

function renderNodes(nodes: Node[], context: RenderContext): string {
  return nodes
    .map((node) => {
      if (node.kind === 'text') return node.text;
      if (node.kind === 'output') return String(evaluatePipeline(node.expression, context));
      return renderNodes(truthy(evaluateCondition(node.condition, context)) ? node.then : node.otherwise, context);
    })
    .join('');
}

function evaluateCondition(condition: string, context: RenderContext): unknown {
  const negated = /^not\s+(\S+)$/.exec(condition);
  if (negated !== null) return !truthy(lookup(negated[1]!, context));
  if (/^\.\S+$/.test(condition)) return lookup(condition, context);
  throw new Error(`unsupported condition: ${condition}`);
}

function evaluatePipeline(expression: string, context: RenderContext): unknown {
  const [first, ...functions] = expression.split('|').map((part) => part.trim());
  let value: unknown;
  const toYaml = /^toYaml\s+(\S+)$/.exec(first!);
  if (toYaml !== null) value = stringify(lookup(toYaml[1]!, context)).trimEnd();
  else if (/^\.\S+$/.test(first!)) value = lookup(first!, context);
  else if (/^"[^"]*"$/.test(first!)) value = first!.slice(1, -1);
  else throw new Error(`unsupported expression: ${first!}`);
  for (const call of functions) {
    const nindent = /^nindent\s+(\d+)$/.exec(call);
    if (call === 'quote') value = JSON.stringify(String(value));
    else if (nindent !== null) value = `\n${String(value).split('\n').map((line) => ' '.repeat(Number(nindent[1])) + line).join('\n')}`;
    else throw new Error(`unsupported function: ${call}`);
  }
  return value;
}

function lookup(path: string, context: RenderContext): unknown {
  let value: unknown = context;
  for (const key of path.slice(1).split('.')) {
    if (typeof value !== 'object' || value === null || !(key in value)) throw new Error(`${path} is not set`);
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function truthy(value: unknown): boolean {
  if (value === null || value === undefined || value === false || value === 0 || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}
