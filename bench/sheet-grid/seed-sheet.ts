import { createWorkbook } from '@allmende/sheet-model';
import type { CellInput } from '@allmende/sheet-model';
import * as Y from 'yjs';
import type { YjsClient } from '../doc-editor/yjs-client.js';
import { connectLargeClient } from './large-client.js';
import { RelayWatcher } from './relay-watcher.js';
import { COLS } from './shared.js';

/** Rows written per transaction: each transaction is one update message, well under the relay's 16 MiB limit. */
const CHUNK_ROWS = 2_500;
const WORDS = ['Nord', 'Süd', 'Ost', 'West', 'Mitte', 'Hafen', 'Altstadt', 'Bahnhof'];

/** How long the seeding client may stay disconnected or unsynced before seeding fails. */
const RECONNECT_TIMEOUT_MS = 600_000;

/**
 * Resolves once the client is connected, synced and has sent everything it buffered. Waits with real timers (a
 * macrotask each round), so the socket's events are handled: an `await` that resolves at once would starve them.
 */
async function delivered(client: YjsClient): Promise<void> {
  const deadline = Date.now() + RECONNECT_TIMEOUT_MS;
  for (;;) {
    const { provider } = client;
    const ws = provider.ws as unknown as { bufferedAmount: number } | null;
    if (provider.wsconnected && provider.synced && ws && ws.bufferedAmount === 0) return;
    if (Date.now() > deadline) throw new Error(`the seeding client was not connected and synced with the relay for ${RECONNECT_TIMEOUT_MS / 60_000} minutes`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * One row of the benchmark sheet (row index `r`, zero-based; row 0 is the header): 15 columns of
 * data (ids, text, amounts, percentages, dates, booleans) and 5 formulas (F, G, H, L, R) that read
 * the same row and, for H's running total, the row above, as a ledger does.
 */
export function sheetRow(r: number): CellInput[] {
  if (r === 0) return Array.from({ length: COLS }, (_, c) => `Column ${c + 1}`);
  const n = r + 1; // A1 row number
  return [
    r,
    `${WORDS[r % WORDS.length]} ${r}`,
    ((r * 7919) % 100_000) / 100,
    ((r * 104_729) % 1000) / 10,
    (r % 97) / 100,
    `=C${n}*E${n}`,
    `=IF(D${n}>50,"hoch","niedrig")`,
    r === 1 ? `=C${n}` : `=H${n - 1}+C${n}`,
    45_000 + (r % 3650),
    (r * 31) % 1000,
    (r * 17) % 500,
    `=SUM(J${n}:K${n})+M${n}`,
    (r * 11) % 333,
    `Item ${r % 1000}`,
    r % 2 === 0,
    ((r * 13) % 10_000) / 7,
    (r * 3) % 250,
    `=ROUND(P${n}/3,2)`,
    `Code-${(r * 7) % 9999}`,
    ((r * 29) % 5000) / 3,
  ];
}

/**
 * Writes the benchmark sheet (ROWS × COLS, data and formulas, with number formats on three
 * columns) through the engine's public API into a Y.Doc that a y-websocket client keeps connected
 * to the relay, so the relay stores it as a host app's edits; resolves once the relay has stored every
 * chunk (the relay persists an update before it broadcasts it, and a second connection sees each broadcast;
 * the benchmark also checks the last row in the page).
 * Returns the size of the encoded document.
 */
export async function seedSheet(relayUrl: string, document: string, rows: number, log: (line: string) => void): Promise<{ updateBytes: number }> {
  const ROWS = rows;
  const watcher = await RelayWatcher.connect(relayUrl, document);
  const client = await connectLargeClient(relayUrl, document);
  const started = performance.now();
  const since = (): string => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  // A big document keeps the relay busy; say when the connection dropped or synced again, and why it closed.
  client.provider.on('status', ({ status }: { status: string }) => log(`  seeding client ${status} at ${since()}`));
  client.provider.on('sync', (synced: boolean) => log(`  seeding client ${synced ? 'synced' : 'not synced'} at ${since()}`));
  client.provider.on('connection-close', (event: CloseEvent | null) => {
    if (event) log(`  relay closed the seeding connection at ${since()}: ${event.code} ${event.reason}`);
  });
  try {
    const wb = createWorkbook(client.doc, { rows: ROWS, cols: COLS });
    // Each chunk is written only while the client is connected and synced, and the next only once the relay has
    // stored it. When the connection drops (y-websocket reconnects after 30 s without a message; a busy relay sends
    // none), the reconnect sends what the relay lacks as ONE message: at most one chunk, never a backlog of many (over
    // the relay's 16 MiB message limit, refused with 1009 on every reconnect: how earlier runs failed).
    for (let start = 0; start < ROWS; start += CHUNK_ROWS) {
      await delivered(client);
      const block = Array.from({ length: Math.min(CHUNK_ROWS, ROWS - start) }, (_, k) => sheetRow(start + k));
      wb.setCells('Sheet1', `A${start + 1}`, block);
      // Sent is not stored: wait until the relay has stored this chunk (seen by a second connection) before the next.
      await watcher.until(client.doc, RECONNECT_TIMEOUT_MS);
      if ((start / CHUNK_ROWS) % 8 === 0) log(`  seeded ${start + block.length} of ${ROWS} rows (${since()})`);
    }
    // Number formats in the same chunks of rows: one column's formats at once would also be one large update.
    for (let start = 1; start < ROWS; start += CHUNK_ROWS) {
      const end = Math.min(ROWS, start + CHUNK_ROWS);
      await delivered(client);
      wb.batch(() => {
        wb.setFormat('Sheet1', `C${start + 1}:C${end}`, '#,##0.00 €');
        wb.setFormat('Sheet1', `E${start + 1}:E${end}`, '0%');
        wb.setFormat('Sheet1', `I${start + 1}:I${end}`, 'DD.MM.YYYY');
      });
      await watcher.until(client.doc, RECONNECT_TIMEOUT_MS);
    }
    wb.setStyle('Sheet1', 'A1:T1', { bold: true, background: '#eef2f7' });
    await watcher.until(client.doc, RECONNECT_TIMEOUT_MS);
    const updateBytes = Y.encodeStateAsUpdate(client.doc).byteLength;
    wb.destroy();
    return { updateBytes };
  } finally {
    client.destroy();
    watcher.close();
  }
}
