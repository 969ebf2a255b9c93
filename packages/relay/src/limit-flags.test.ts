import { describe, expect, it } from 'vitest';
import { limitsFromFlags } from './limit-flags.js';

describe('limitsFromFlags', () => {
  it('reads flags before the environment and returns only the limits given', () => {
    expect(limitsFromFlags({ 'messages-per-second': '50', 'max-document-bytes': '8MiB' }, { MESSAGE_BURST: '300', MAX_MESSAGE_BYTES: '', MESSAGES_PER_SECOND: '9' })).toEqual({
      limits: { messagesPerSecond: 50, messageBurst: 300, maxDocumentBytes: 8 * 1024 * 1024 },
      trustProxy: 0,
    });
    expect(limitsFromFlags({}, { TRUST_PROXY: '1', MAX_MESSAGE_BYTES: '64KiB' })).toEqual({ limits: { maxMessageBytes: 65536 }, trustProxy: 1 });
    expect(limitsFromFlags({ 'max-buffered-bytes': '4MiB' }, { MAX_BUFFERED_BYTES: '1GiB' })).toEqual({ limits: { maxBufferedBytes: 4 * 1024 * 1024 }, trustProxy: 0 });
    expect(limitsFromFlags({}, { MAX_BUFFERED_BYTES: '512KiB' })).toEqual({ limits: { maxBufferedBytes: 512 * 1024 }, trustProxy: 0 });
  });

  it('names the flag of a bad value', () => {
    expect(() => limitsFromFlags({ 'connections-per-address': '0' }, {})).toThrow(/--connections-per-address/);
    expect(() => limitsFromFlags({ 'max-message-bytes': '16MB' }, {})).toThrow(/--max-message-bytes/);
    expect(() => limitsFromFlags({}, { PRESENCE_STATES_PER_CONNECTION: 'many' })).toThrow(/--presence-states-per-connection/);
    expect(() => limitsFromFlags({ 'trust-proxy': 'yes' }, {})).toThrow(/--trust-proxy/);
    expect(() => limitsFromFlags({ 'max-buffered-bytes': '-1' }, {})).toThrow(/--max-buffered-bytes/);
  });
});
