import { createWorkbook } from '@allmende/sheet-model';
import type { CellInput } from '@allmende/sheet-model';
import * as Y from 'yjs';
import { connectClient, waitUntilFlushed } from '../doc-editor/yjs-client.js';
import { COLS } from './shared.js';

/** Rows written per transaction: each transaction is one update message, well under the relay's 16 MiB limit. */
const CHUNK_ROWS = 2_500;
const WORDS = ['Nord', 'Süd', 'Ost', 'West', 'Mitte', 'Hafen', 'Altstadt', 'Bahnhof'];

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
 * to the relay, so the relay stores it as a host app's edits; resolves once a fresh reader sees every cell
 * on the relay (the benchmark also checks the last row in the page).
 * Returns the size of the encoded document.
 */
export async function seedSheet(relayUrl: string, document: string, rows: number, log: (line: string) => void): Promise<{ updateBytes: number }> {
  const ROWS = rows;
  const client = await connectClient(relayUrl, document);
  try {
    const wb = createWorkbook(client.doc, { rows: ROWS, cols: COLS });
    for (let start = 0; start < ROWS; start += CHUNK_ROWS) {
      const block = Array.from({ length: Math.min(CHUNK_ROWS, ROWS - start) }, (_, k) => sheetRow(start + k));
      wb.setCells('Sheet1', `A${start + 1}`, block);
      // Let the provider send this chunk before building the next, so messages stay small and paced.
      await waitUntilFlushed(client);
      if ((start / CHUNK_ROWS) % 8 === 0) log(`  seeded ${start + block.length} of ${ROWS} rows`);
    }
    wb.setFormat('Sheet1', `C2:C${ROWS}`, '#,##0.00 €');
    await waitUntilFlushed(client);
    wb.setFormat('Sheet1', `E2:E${ROWS}`, '0%');
    await waitUntilFlushed(client);
    wb.setFormat('Sheet1', `I2:I${ROWS}`, 'DD.MM.YYYY');
    await waitUntilFlushed(client);
    wb.setStyle('Sheet1', 'A1:T1', { bold: true, background: '#eef2f7' });
    await waitUntilFlushed(client);
    const updateBytes = Y.encodeStateAsUpdate(client.doc).byteLength;
    wb.destroy();
    // y-websocket reconnects when the relay is silent for 30 s (a busy relay re-encoding a large document); after a
    // reconnect the sync exchange sends whatever the relay lacks. Wait until the client is connected and synced again.
    const deadline = Date.now() + 600_000;
    while (!(client.provider.wsconnected && client.provider.synced)) {
      if (Date.now() > deadline) throw new Error('the seeding client did not get back in sync with the relay within 10 minutes');
      await new Promise((r) => setTimeout(r, 200));
    }
    await waitUntilFlushed(client);
    // Sent is not stored: a fresh reader must see every cell before the relay is restarted. (A reader in Node takes
    // messages up to the ws library's 100 MiB, so this check bounds the sheet size this benchmark can seed.)
    const sheetId = client.doc.getArray<string>('sheetOrder').get(0);
    for (let attempt = 1; ; attempt++) {
      const reader = await connectClient(relayUrl, document).catch((error: unknown) => {
        if (attempt >= 5) throw error;
        return null;
      });
      if (!reader) continue;
      const count = reader.doc.getMap(`s/${sheetId}/cells`).size;
      reader.destroy();
      if (count === ROWS * COLS) break;
      if (attempt >= 5) throw new Error(`the relay holds ${count} of ${ROWS * COLS} cells`);
      await new Promise((r) => setTimeout(r, 2000));
    }
    return { updateBytes };
  } finally {
    client.destroy();
  }
}
