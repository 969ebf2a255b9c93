import type { MarkType, NodeType, Schema } from 'prosemirror-model';

/** The node and mark types that the keymap and the input rules bind to. */
export interface AllmendeTypes {
  readonly paragraph: NodeType;
  readonly blockquote: NodeType;
  readonly codeBlock: NodeType;
  readonly horizontalRule: NodeType;
  readonly pageBreak: NodeType;
  readonly bulletList: NodeType;
  readonly orderedList: NodeType;
  readonly taskList: NodeType;
  readonly listItem: NodeType;
  readonly taskItem: NodeType;
  readonly table: NodeType;
  readonly hardBreak: NodeType;
  readonly bold: MarkType;
  readonly italic: MarkType;
  readonly underline: MarkType;
  readonly strikethrough: MarkType;
  readonly superscript: MarkType;
  readonly subscript: MarkType;
  readonly code: MarkType;
  readonly link: MarkType;
}

/**
 * Looks up the types `caller` binds to in `schema`; throws a TypeError naming
 * every missing one.
 */
export function requireAllmendeTypes(schema: Schema, caller: string): AllmendeTypes {
  const missing: string[] = [];
  const node = (name: string): NodeType => {
    const type = schema.nodes[name];
    if (!type) missing.push(`node "${name}"`);
    return type as NodeType;
  };
  const mark = (name: string): MarkType => {
    const type = schema.marks[name];
    if (!type) missing.push(`mark "${name}"`);
    return type as MarkType;
  };
  const types: AllmendeTypes = {
    paragraph: node('paragraph'),
    blockquote: node('blockquote'),
    codeBlock: node('code_block'),
    horizontalRule: node('horizontal_rule'),
    pageBreak: node('page_break'),
    bulletList: node('bullet_list'),
    orderedList: node('ordered_list'),
    taskList: node('task_list'),
    listItem: node('list_item'),
    taskItem: node('task_item'),
    table: node('table'),
    hardBreak: node('hard_break'),
    bold: mark('bold'),
    italic: mark('italic'),
    underline: mark('underline'),
    strikethrough: mark('strikethrough'),
    superscript: mark('superscript'),
    subscript: mark('subscript'),
    code: mark('code'),
    link: mark('link'),
  };
  if (missing.length > 0) {
    throw new TypeError(
      `${caller}: the schema lacks ${missing.join(', ')}; pass the schema from @allmende/doc-model or one that extends it.`,
    );
  }
  return types;
}
