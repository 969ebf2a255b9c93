import { type RelayLimits, defaultRelayLimits } from './relay-limits.js';

/** The command-line flags for limits and proxies, in `node:util` `parseArgs` form. */
export const limitFlagOptions = {
  'max-message-bytes': { type: 'string' },
  'messages-per-second': { type: 'string' },
  'message-burst': { type: 'string' },
  'connections-per-address': { type: 'string' },
  'presence-states-per-connection': { type: 'string' },
  'max-document-bytes': { type: 'string' },
  'max-update-structs': { type: 'string' },
  'reencode-timeout-ms': { type: 'string' },
  'reencode-memory-mb': { type: 'string' },
  'max-buffered-bytes': { type: 'string' },
  'trust-proxy': { type: 'string' },
} as const;

/** The parsed values of {@link limitFlagOptions}. */
export type LimitFlagValues = { [Flag in keyof typeof limitFlagOptions]?: string };

// Each limit flag: the RelayLimits field it sets, its environment variable, and whether it takes
// a byte size (which may end in KiB, MiB or GiB).
const limitFlags: Array<[flag: keyof LimitFlagValues, limit: keyof RelayLimits, env: string, bytes: boolean]> = [
  ['max-message-bytes', 'maxMessageBytes', 'MAX_MESSAGE_BYTES', true],
  ['messages-per-second', 'messagesPerSecond', 'MESSAGES_PER_SECOND', false],
  ['message-burst', 'messageBurst', 'MESSAGE_BURST', false],
  ['connections-per-address', 'connectionsPerAddress', 'CONNECTIONS_PER_ADDRESS', false],
  ['presence-states-per-connection', 'presenceStatesPerConnection', 'PRESENCE_STATES_PER_CONNECTION', false],
  ['max-document-bytes', 'maxDocumentBytes', 'MAX_DOCUMENT_BYTES', true],
  ['max-update-structs', 'maxUpdateStructs', 'MAX_UPDATE_STRUCTS', false],
  ['reencode-timeout-ms', 'reencodeTimeoutMs', 'REENCODE_TIMEOUT_MS', false],
  ['reencode-memory-mb', 'reencodeMemoryMb', 'REENCODE_MEMORY_MB', false],
  ['max-buffered-bytes', 'maxBufferedBytes', 'MAX_BUFFERED_BYTES', true],
];

const mib = 1024 * 1024;

/** The limits part of the CLI usage text. */
export const limitsUsage = `Limits (a breach closes only that connection, with its own close code):
  --max-message-bytes <n>   largest message, closes with 1009 (env MAX_MESSAGE_BYTES,
                            default ${defaultRelayLimits.maxMessageBytes / mib}MiB; sizes may end in KiB, MiB, GiB)
  --messages-per-second <n> sustained messages per connection, closes with 4429
                            (env MESSAGES_PER_SECOND, default ${defaultRelayLimits.messagesPerSecond})
  --message-burst <n>       messages a connection may send at once
                            (env MESSAGE_BURST, default ${defaultRelayLimits.messageBurst})
  --connections-per-address <n>
                            open connections per client address (IPv6: per /64),
                            closes with 4529 (env CONNECTIONS_PER_ADDRESS, default ${defaultRelayLimits.connectionsPerAddress})
  --presence-states-per-connection <n>
                            presence client ids per connection, closes with 4431
                            (env PRESENCE_STATES_PER_CONNECTION, default ${defaultRelayLimits.presenceStatesPerConnection})
  --max-document-bytes <n>  largest document, closes with 4413 (env MAX_DOCUMENT_BYTES,
                            default ${defaultRelayLimits.maxDocumentBytes / mib}MiB)
  --max-update-structs <n>  structs and delete ranges per update, closes with 4422
                            (env MAX_UPDATE_STRUCTS, default ${defaultRelayLimits.maxUpdateStructs})
  --reencode-timeout-ms <n> time limit of one background re-encoding
                            (env REENCODE_TIMEOUT_MS, default ${defaultRelayLimits.reencodeTimeoutMs})
  --reencode-memory-mb <n>  heap of the re-encoding worker thread
                            (env REENCODE_MEMORY_MB, default ${defaultRelayLimits.reencodeMemoryMb})
  --max-buffered-bytes <n>  bytes waiting for one slow client beyond its last reply,
                            closes with 1013 (env MAX_BUFFERED_BYTES,
                            default ${defaultRelayLimits.maxBufferedBytes / mib}MiB)
  --trust-proxy <n>         number of reverse proxies in front that append to
                            X-Forwarded-For; the client address is taken from it
                            (env TRUST_PROXY, default 0: the TCP peer)
`;

/**
 * Reads the limits and the number of trusted proxies from flags, falling back to the environment
 * (empty variables count as unset). Returns only the limits that were given. Throws a
 * `RangeError` naming the flag for a value that is not a positive number.
 */
export function limitsFromFlags(values: LimitFlagValues, env: NodeJS.ProcessEnv): { limits: Partial<RelayLimits>; trustProxy: number } {
  const read = (flag: string | undefined, name: string): string | undefined => flag ?? (env[name] === '' ? undefined : env[name]);
  const limits: Partial<RelayLimits> = {};
  for (const [flag, limit, envName, bytes] of limitFlags) {
    const text = read(values[flag], envName);
    if (text === undefined) continue;
    const value = bytes ? parseByteSize(text) : limit === 'messagesPerSecond' ? parseRate(text) : parseCount(text);
    if (value === null) {
      throw new RangeError(`--${flag} must be a positive ${bytes ? 'size such as 1048576 or 16MiB' : 'number'}, got "${text}"`);
    }
    limits[limit] = value;
  }
  const proxyText = read(values['trust-proxy'], 'TRUST_PROXY');
  const trustProxy = proxyText === undefined ? 0 : /^\d{1,2}$/.test(proxyText) ? Number(proxyText) : Number.NaN;
  if (Number.isNaN(trustProxy)) throw new RangeError(`--trust-proxy must be the number of proxies in front, 0 to 99, got "${proxyText}"`);
  return { limits, trustProxy };
}

function parseCount(text: string): number | null {
  if (!/^\d+$/.test(text)) return null;
  const value = Number(text);
  return Number.isSafeInteger(value) && value > 0 ? value : null;
}

function parseRate(text: string): number | null {
  if (!/^\d+(\.\d+)?$/.test(text)) return null;
  const value = Number(text);
  return value > 0 ? value : null;
}

function parseByteSize(text: string): number | null {
  const match = /^(\d+)\s*(KiB|MiB|GiB)?$/i.exec(text);
  if (match === null) return null;
  const unit = { kib: 1024, mib: mib, gib: 1024 * mib }[(match[2] ?? '').toLowerCase() as 'kib' | 'mib' | 'gib'] ?? 1;
  const value = Number(match[1]) * unit;
  return Number.isSafeInteger(value) && value > 0 ? value : null;
}
