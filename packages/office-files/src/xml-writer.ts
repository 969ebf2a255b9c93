/** Escapes text for XML element content. */
export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escapes text for a double-quoted XML attribute value. */
export function escapeAttr(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

// Characters XML 1.0 cannot hold at all (C0 controls other than tab and newlines, lone surrogates, U+FFFE/F).
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Removes characters XML 1.0 cannot hold. */
export function xmlSafe(text: string): string {
  return text.replace(NOT_XML, '');
}

/** Writes `<name attrs>children</name>` (or `<name attrs/>`); attribute values are escaped, children are already XML. */
export function element(name: string, attrs: Record<string, string | number | null | undefined>, children = ''): string {
  let open = `<${name}`;
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined) continue;
    open += ` ${key}="${escapeAttr(xmlSafe(String(value)))}"`;
  }
  return children ? `${open}>${children}</${name}>` : `${open}/>`;
}
