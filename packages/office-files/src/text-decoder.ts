/**
 * The global `TextDecoder` of browsers and Node, declared here because this package compiles without the DOM and Node
 * type libraries.
 */
interface Utf8Decoder {
  decode(bytes: Uint8Array): string;
}
declare const TextDecoder: new (label: 'utf-8', options?: { readonly fatal?: boolean }) => Utf8Decoder;

/** A UTF-8 decoder; `fatal` makes bytes that are not UTF-8 throw a TypeError instead of becoming U+FFFD. */
export function utf8Decoder(fatal: boolean): Utf8Decoder {
  return new TextDecoder('utf-8', { fatal });
}
