import type { Mark, Node as ProseMirrorNode } from 'prosemirror-model';

/** A piece of a textblock's content with its marks: text, a line break, or an image. */
export type InlineRun =
  | { readonly kind: 'text'; readonly text: string; readonly marks: readonly Mark[] }
  | { readonly kind: 'break'; readonly marks: readonly Mark[] }
  | { readonly kind: 'image'; readonly node: ProseMirrorNode; readonly marks: readonly Mark[] };

/** A stretch of runs that share one link target (or none). */
export interface LinkGroup {
  readonly href: string | null;
  readonly runs: readonly InlineRun[];
}

/** The inline content of a textblock as runs, grouped by link so writers can wrap each link once. */
export function linkGroups(block: ProseMirrorNode): LinkGroup[] {
  const groups: { href: string | null; runs: InlineRun[] }[] = [];
  block.forEach((child) => {
    const link = child.marks.find((mark) => mark.type.name === 'link');
    const href = link ? String(link.attrs['href'] ?? '') || null : null;
    const marks = child.marks.filter((mark) => mark.type.name !== 'link');
    let run: InlineRun;
    if (child.isText) run = { kind: 'text', text: child.text ?? '', marks };
    else if (child.type.name === 'image') run = { kind: 'image', node: child, marks };
    else run = { kind: 'break', marks };
    const last = groups[groups.length - 1];
    if (last && last.href === href) last.runs.push(run);
    else groups.push({ href, runs: [run] });
  });
  return groups;
}

/** Whether a mark list holds a mark named `name`; its attrs if so. */
export function markAttrs(marks: readonly Mark[], name: string): Record<string, unknown> | null {
  const mark = marks.find((candidate) => candidate.type.name === name);
  return mark ? (mark.attrs as Record<string, unknown>) : null;
}
