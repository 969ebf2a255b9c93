// Profiles one step of the chain workload with the V8 inspector (developer aid, not part of the benchmark table).
// Usage: node --expose-gc --import tsx sheet-engine/profile-step.ts <build|evaluate|edit|insert> <out.cpuprofile> [chain|table]
import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
import * as Y from 'yjs';
import { createWorkbook } from '@allmende/sheet-model';
import { chain, CHAIN, table } from './workloads.js';

const [step, out, workload = 'chain'] = process.argv.slice(2) as ['build' | 'evaluate' | 'edit' | 'insert', string, 'chain' | 'table' | undefined];
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 100 });
const data = workload === 'table' ? table() : chain();
const doc = new Y.Doc();
const wb = createWorkbook(doc, { locale: 'en', rows: 1, cols: 1 });
const timed = async (name: string, f: () => void): Promise<void> => {
  if (name === step) await session.post('Profiler.start');
  const t = performance.now();
  f();
  const ms = performance.now() - t;
  if (name === step) {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(out, JSON.stringify(profile));
  }
  console.log(name, ms.toFixed(1), 'ms');
};
await timed('build', () => wb.setCells('Sheet1', 'A1', data));
await timed('evaluate', () => wb.recalculate());
await timed('edit', () => { wb.setCell('Sheet1', 'A1', 2); wb.getValue('Sheet1', `A${CHAIN}`); });
await timed('insert', () => { wb.insertRows('Sheet1', 0, 1); console.log(wb.getValue('Sheet1', `A${CHAIN + 1}`)); });
