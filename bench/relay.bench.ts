// Benchmark of issue 12 ("Performance"): the Allmende relay against the stock y-websocket server
// (@y/websocket-server 0.1.1, setupWSConnection) and Hocuspocus 4.7, each in a process of its own,
// plus a raw ws server that forwards bytes (the floor) for (a):
//   (a) 1 writer and 1,000 observers of one document: delivery latency p50 and p99, paced (an
//       update every 50 ms) and loaded (an update every 4 ms, faster than a broadcast to 1,000
//       sockets takes: a server that cannot keep up shows a backlog, latency growing over the run);
//   (b) 1,500 idle connections: memory per connection;
//   (c) 200 documents loaded: memory per document, relative to its encoded size;
//   (d) updates per second sustained, with persistence on.
// The observers of (a) run in processes of their own (bench/relay/observers.ts), every other client
// in this process; memory is the server's heapUsed + external after two full GCs.
// Prints a Markdown report with ratios and the CPU load, and writes it to bench/results/relay.md
// (keeping that file's notes below its notes marker).
// Asserts nothing about time.
//
// Run: pnpm --filter @allmende/relay build && pnpm --filter @allmende/bench run relay
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { LineProcess } from './relay/child.js';
import { closeAll, openClient, openMany, sharedClock } from './relay/clients.js';
import { markedUpdates } from './relay/markers.js';
import { type Wire, hocuspocusWire, rawWire, yWebsocketWire } from './relay/wire.js';

const here = dirname(fileURLToPath(import.meta.url));
const observers = Number(process.env['RELAY_BENCH_OBSERVERS'] ?? 1000);
const idleConnections = Number(process.env['RELAY_BENCH_IDLE'] ?? 1500);
const documentCount = Number(process.env['RELAY_BENCH_DOCUMENTS'] ?? 200);
const latencyUpdates = Number(process.env['RELAY_BENCH_UPDATES'] ?? 100);
const latencyIntervalMs = Number(process.env['RELAY_BENCH_INTERVAL_MS'] ?? 50);
// One observer process per core: more only adds context switches on the observers' side.
const observerProcesses = Number(process.env['RELAY_BENCH_OBSERVER_PROCESSES'] ?? cpus().length);
// The loaded variant of (a): the writer sends faster than one broadcast to every observer takes, so
// a server that forwards each update on its own builds a backlog (latency grows over the run),
// while one that merges what queued up in one tick keeps up.
const loadedUpdates = Number(process.env['RELAY_BENCH_LOADED_UPDATES'] ?? 300);
const loadedIntervalMs = Number(process.env['RELAY_BENCH_LOADED_INTERVAL_MS'] ?? 4);
// Updates sent before the measured ones, the same for every server. The first dozen or so
// messages on a fresh TCP connection cost the sending kernel several times more per write than
// later ones (in CPU profiles of the relay, some 80 µs per write instead of 13), so the first
// broadcasts to 1,000 new connections pile up behind each other; the raw forwarding server
// skipped that phase only because it forwards every observer's hello to all the others while they
// connect. After the warm-up every server's connections are past it.
const warmUpUpdates = Number(process.env['RELAY_BENCH_WARMUP'] ?? 20);

type Kind = 'allmende' | 'y-websocket' | 'hocuspocus' | 'raw';
const wires: Record<Kind, Wire> = { allmende: yWebsocketWire, 'y-websocket': yWebsocketWire, hocuspocus: hocuspocusWire, raw: rawWire };
const names: Record<Kind, string> = { allmende: 'Allmende relay', 'y-websocket': '@y/websocket-server 0.1.1', hocuspocus: 'Hocuspocus 4.7', raw: 'raw ws forwarding' };

interface Memory {
  rss: number;
  heapUsed: number;
  external: number;
}

interface ServerProcess {
  port: number;
  memory(): Promise<Memory>;
  /** CPU time (user and system) the server used so far, in ms. */
  cpu(): Promise<number>;
  stop(): Promise<void>;
}

async function startServer(kind: Kind): Promise<ServerProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), `relay-bench-${kind}-`));
  const profile = process.env['RELAY_BENCH_CPU_PROF'];
  const flags = ['--expose-gc', ...(profile === undefined ? [] : ['--cpu-prof', '--cpu-prof-dir', profile])];
  const child = new LineProcess(`${kind} server`, join(here, 'relay', 'server.ts'), [kind, dataDir], flags, here);
  const port = Number(await child.nextLine('READY '));
  return {
    port,
    async memory() {
      const from = child.mark;
      child.command('mem');
      return JSON.parse(await child.nextLine('MEM ', from)) as Memory;
    },
    async cpu() {
      const from = child.mark;
      child.command('cpu');
      return Number(await child.nextLine('CPU ', from));
    },
    async stop() {
      // SIGINT lets a profiled server write its profile.
      await child.stop(profile === undefined ? 'SIGKILL' : 'SIGINT');
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const progress = (text: string): void => {
  process.stderr.write(`[relay bench ${new Date().toISOString().slice(11, 19)}] ${text}\n`);
};

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Updates of one writer typing a character at a time. */
function typedUpdates(count: number): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  const text = doc.getText('content');
  for (let i = 0; i < count; i++) text.insert(text.length, String.fromCharCode(97 + (i % 26)));
  return updates;
}

function percentile(sorted: number[], p: number): number {
  // NaN when nothing arrived (a server that fell more than 20 s behind).
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

interface LatencyResult {
  p50: number;
  p99: number;
  delivered: number;
  /** Median delivery latency of the first and the last tenth of the measured updates: a backlog shows as growth. */
  firstTenthMs: number;
  lastTenthMs: number;
  /** CPU the observer processes used while the updates were sent and delivered, in ms per update. */
  clientCpuMs: number;
  /** CPU the server used meanwhile, in ms per update: its work per broadcast, whatever the machine's load. */
  serverCpuMs: number;
}

/** How the writer of (a) sends: `updates` measured ones, `intervalMs` apart, after the warm-up. */
interface Pace {
  updates: number;
  intervalMs: number;
}

const median = (values: number[]): number => {
  const sorted = values.filter((value) => !Number.isNaN(value)).sort((a, b) => a - b);
  return sorted[sorted.length >> 1] ?? Number.NaN;
};

// (a) One writer (in this process) and `observers` observers of one document, spread over
// `observerProcesses` processes so that no client process's own parsing dominates the figure;
// latency per delivered update, on the clock all processes share. The writer keeps to its
// schedule (update i leaves at start + i × interval, or at once if the loop is late), so a server
// that cannot keep up builds a backlog instead of slowing the writer down.
async function latency(kind: Kind, pace: Pace): Promise<LatencyResult> {
  progress(`(a) ${kind}: starting the server`);
  const server = await startServer(kind);
  progress(`(a) ${kind}: opening ${observers} observers in ${observerProcesses} processes`);
  const wire = wires[kind];
  const name = 'latency';
  const total = warmUpUpdates + pace.updates;
  const sentAt: number[] = [];
  const groups: LineProcess[] = [];
  try {
    for (let p = 0; p < observerProcesses; p++) {
      const count = Math.floor(observers / observerProcesses) + (p < observers % observerProcesses ? 1 : 0);
      groups.push(new LineProcess(`${kind} observers`, join(here, 'relay', 'observers.ts'), [kind, String(server.port), String(count), name, String(total)], [], here));
    }
    await Promise.all(groups.map((group) => group.nextLine('READY')));
    const writer = await openClient(wire, server.port, name);
    await sleep(500);
    for (const group of groups) group.command('start');
    const serverCpuAtStart = await server.cpu();
    progress(`(a) ${kind}: sending ${warmUpUpdates} + ${pace.updates} updates ${pace.intervalMs} ms apart`);
    const updates = markedUpdates(total);
    const startedAt = performance.now();
    for (let index = 0; index < total; index++) {
      const due = startedAt + index * pace.intervalMs;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      sentAt.push(sharedClock());
      writer.send(wire.update(name, updates[index]!));
    }
    // Until everything arrived, or 20 s: a server that falls behind shows in the delivered count.
    await Promise.race([Promise.all(groups.map((group) => group.nextLine('DONE'))), sleep(20_000)]);
    const serverCpuMs = ((await server.cpu()) - serverCpuAtStart) / total;
    const reports = await Promise.all(
      groups.map(async (group) => {
        const from = group.mark;
        group.command('report');
        return JSON.parse(await group.nextLine('REPORT ', from)) as { arrivals: Array<Array<number | null>>; cpuMs: number };
      }),
    );
    closeAll([writer]);
    const samples: number[] = [];
    const perUpdate: number[][] = sentAt.map(() => []);
    for (const report of reports) {
      for (const times of report.arrivals) {
        for (let index = warmUpUpdates; index < total; index++) {
          const arrived = times[index];
          if (arrived === null || arrived === undefined) continue;
          samples.push(arrived - sentAt[index]!);
          perUpdate[index]!.push(arrived - sentAt[index]!);
        }
      }
    }
    const medians = perUpdate.slice(warmUpUpdates).map(median);
    const tenth = Math.max(1, Math.floor(pace.updates / 10));
    // RELAY_BENCH_DEBUG=1 prints the fastest, median and slowest delivery of every update.
    if (process.env['RELAY_BENCH_DEBUG'] !== undefined) {
      const text = perUpdate.map((times) => {
        const sorted = [...times].sort((a, b) => a - b);
        return sorted.length === 0 ? '-' : `${sorted[0]!.toFixed(0)}/${sorted[sorted.length >> 1]!.toFixed(0)}/${sorted.at(-1)!.toFixed(0)}`;
      });
      progress(`per update min/median/max: ${text.join(' ')}`);
    }
    samples.sort((a, b) => a - b);
    const clientCpuMs = reports.reduce((sum, report) => sum + report.cpuMs, 0) / total;
    return {
      p50: percentile(samples, 50),
      p99: percentile(samples, 99),
      delivered: samples.length,
      firstTenthMs: median(medians.slice(0, tenth)),
      lastTenthMs: median(medians.slice(-tenth)),
      clientCpuMs,
      serverCpuMs,
    };
  } finally {
    await Promise.all(groups.map((group) => group.stop('SIGKILL')));
    await server.stop();
  }
}

const heap = (memory: Memory): number => memory.heapUsed + memory.external;

// (b) Memory per idle connection, all on one document.
async function idleMemory(kind: Kind): Promise<number> {
  progress(`(b) ${kind}`);
  const server = await startServer(kind);
  // Idle clients of the raw forwarding server send no hello: it would forward each to all the others.
  const wire: Wire = kind === 'raw' ? { ...rawWire, hello: () => [] } : wires[kind];
  try {
    const first = await openClient(wire, server.port, 'idle');
    await sleep(300);
    const before = await server.memory();
    const sockets = await openMany(idleConnections, () => openClient(wire, server.port, 'idle'));
    await sleep(1000);
    const after = await server.memory();
    closeAll([first, ...sockets]);
    return (heap(after) - heap(before)) / idleConnections;
  } finally {
    await server.stop();
  }
}

/** A document with some history: typed, partly deleted, with a map of fields. */
function sampleDocument(seed: number): Uint8Array {
  const doc = new Y.Doc();
  const text = doc.getText('content');
  const meta = doc.getMap('meta');
  let state = seed * 7919 + 1;
  const random = (n: number): number => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % n;
  };
  for (let i = 0; i < 1500; i++) {
    const position = random(text.length + 1);
    if (random(10) < 2 && text.length > 10) text.delete(Math.min(position, text.length - 5), 5);
    else text.insert(position, `word${random(1000)} `);
    if (i % 100 === 0) meta.set(`field${random(20)}`, random(100_000));
  }
  return Y.encodeStateAsUpdate(doc);
}

// (c) Memory per loaded document relative to its encoded size; one connection per document,
// whose own cost (from (b)) is subtracted.
async function documentMemory(kind: Kind, perConnection: number, contents: Uint8Array[]): Promise<number> {
  progress(`(c) ${kind}`);
  const server = await startServer(kind);
  const wire = wires[kind];
  try {
    const first = await openClient(wire, server.port, 'warm-up');
    await sleep(300);
    const before = await server.memory();
    const sockets = await openMany(contents.length, (i) => {
      const name = `doc-${i}`;
      return new Promise<WebSocket>((resolve, reject) => {
        let sent = false;
        openClient(wire, server.port, name, (data) => {
          // After sending the content, ask for everything: the full answer means the content is in.
          const sync = wire.readSync(data);
          if (sent && sync?.type === 1 && sync.payload.byteLength >= contents[i]!.byteLength / 2) resolve(socket);
        }).then((opened) => {
          socket = opened;
          opened.send(wire.syncStep2(name, contents[i]!));
          sent = true;
          // Asked again until the answer is complete: a server may store the content before applying it.
          const ask = (): void => {
            if (opened.readyState !== WebSocket.OPEN) return;
            opened.send(wire.syncStep1(name));
            setTimeout(ask, 250).unref();
          };
          ask();
        }, reject);
        let socket: WebSocket;
      });
    });
    await sleep(1000);
    const after = await server.memory();
    closeAll([first, ...sockets]);
    return (heap(after) - heap(before)) / contents.length - perConnection;
  } finally {
    await server.stop();
  }
}

// (d) Ten documents, each with one writer sending 2,000 updates as fast as the socket takes them
// and one observer; updates per second until every observer has every character.
async function throughput(kind: Kind): Promise<number> {
  progress(`(d) ${kind}`);
  const server = await startServer(kind);
  const wire = wires[kind];
  const documents = 10;
  const perDocument = 2000;
  try {
    const done: Array<Promise<void>> = [];
    const sockets: WebSocket[] = [];
    const streams = Array.from({ length: documents }, () => typedUpdates(perDocument));
    for (let d = 0; d < documents; d++) {
      const name = `busy-${d}`;
      const doc = new Y.Doc();
      const text = doc.getText('content');
      let finish = (): void => {};
      done.push(new Promise((resolve) => (finish = resolve)));
      sockets.push(
        await openClient(wire, server.port, name, (data) => {
          const sync = wire.readSync(data);
          if (sync === null || sync.type === 0) return;
          Y.applyUpdate(doc, sync.payload);
          if (text.length === perDocument) finish();
        }),
      );
      sockets.push(await openClient(wire, server.port, name));
    }
    await sleep(300);
    const started = performance.now();
    for (let d = 0; d < documents; d++) {
      const writer = sockets[2 * d + 1]!;
      for (const update of streams[d]!) writer.send(wire.update(`busy-${d}`, update));
    }
    await Promise.all(done);
    const seconds = (performance.now() - started) / 1000;
    closeAll(sockets);
    return (documents * perDocument) / seconds;
  } finally {
    await server.stop();
  }
}

// RELAY_BENCH_KINDS=allmende,raw and RELAY_BENCH_ONLY=a (or b, or a,b) narrow a run down while
// investigating; a narrowed run prints its report but does not write the results file.
const kinds = (process.env['RELAY_BENCH_KINDS']?.split(',') ?? ['allmende', 'hocuspocus', 'y-websocket']) as Kind[];
const onlyParts = process.env['RELAY_BENCH_ONLY']?.split(',') ?? null;
const runs = (part: string): boolean => onlyParts === null || onlyParts.includes(part);
const load = (): string => loadavg().map((value) => value.toFixed(2)).join(' / ');
const lines: string[] = [];
const print = (line = ''): void => {
  lines.push(line);
  console.log(line);
};
const fmt = (value: number, digits = 1): string => value.toFixed(digits);

print('# Relay benchmark');
print();
print(`${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}; load average (1/5/15 min) at start: ${load()}.`);
print('Each server runs in its own process; the observers of (a) run in processes of their own, every other client in the benchmark process. The machine is shared: other processes may have run meanwhile (see the load averages).');
print();

if (runs('a')) {
  // The machine is shared, so its load swings: the servers take turns, each round, and each keeps
  // its better run (by p99). The paced case first, then the loaded one (RELAY_BENCH_LOADED_UPDATES=0 skips it).
  const latencyRounds = Number(process.env['RELAY_BENCH_ROUNDS'] ?? 2);
  const paces: Array<[title: string, pace: Pace]> = [['paced', { updates: latencyUpdates, intervalMs: latencyIntervalMs }]];
  if (loadedUpdates > 0) paces.push(['loaded', { updates: loadedUpdates, intervalMs: loadedIntervalMs }]);
  for (const [title, pace] of paces) {
    const latencies = new Map<Kind, LatencyResult>();
    for (let round = 0; round < latencyRounds; round++) {
      for (const kind of kinds.includes('raw') ? kinds : [...kinds, 'raw' as Kind]) {
        const result = await latency(kind, pace);
        progress(`(a, ${title}) ${kind}: p50 ${fmt(result.p50)} ms, p99 ${fmt(result.p99)} ms, first/last tenth ${fmt(result.firstTenthMs)}/${fmt(result.lastTenthMs)} ms, CPU per update: server ${fmt(result.serverCpuMs)} ms, clients ${fmt(result.clientCpuMs)} ms, load ${load()}`);
        const previous = latencies.get(kind);
        if (previous === undefined || Number.isNaN(previous.p99) || result.p99 < previous.p99) latencies.set(kind, result);
      }
    }
    const expected = observers * pace.updates;
    if (title === 'paced') {
      print(`## (a) 1 writer → ${observers} observers, ${pace.updates} updates ${pace.intervalMs} ms apart after ${warmUpUpdates} unmeasured ones (better of ${latencyRounds} interleaved runs)`);
      print();
      print('Method changed twice in November 2026; figures from before a change are not comparable (bench/results/relay.md keeps them in its notes). First the 1,000 observers moved from ws clients in the writer\'s process to lean clients in processes of their own. Then those lean clients, whose Node stream reads cost 17–22 ms of CPU per update and so set every server\'s p99, became as light as an honest client can be: one process per core, each socket read into one shared buffer (`onread`, no stream, no allocation per read), the sync handshake answered once, and afterwards no Yjs decoding, only the writer\'s index markers found in the bytes (bench/relay/markers.ts).');
      print();
    } else {
      print(`## (a, loaded) the same, ${pace.updates} updates ${pace.intervalMs} ms apart after ${warmUpUpdates} unmeasured ones (better of ${latencyRounds} interleaved runs)`);
      print();
      print('The writer sends faster than one broadcast to every observer takes. A server that sends each update on its own falls behind: its latency grows over the run ("last tenth" well above "first tenth"). One that sends what queued up meanwhile together (Hocuspocus merges it into one update; the relay writes the updates of one tick in one write per observer) keeps up.');
      print();
    }
    print(`The observers run in ${observerProcesses} processes of their own (${Math.ceil(observers / observerProcesses)} each), the writer in the benchmark process; latency is measured on the clock the processes share. "First / last tenth" is the median latency of the first and the last tenth of the measured updates (a backlog makes the second grow). "Server CPU" is the CPU time the server used per update sent (its work per broadcast, little affected by the machine's load), "client CPU" the time all observer processes used.`);
    print();
    print('| Server | p50 ms | p99 ms | p99 vs ours | first / last tenth ms | server CPU ms / update | client CPU ms / update | delivered |');
    print('|---|---|---|---|---|---|---|---|');
    const ours = latencies.get('allmende')!;
    for (const [kind, result] of latencies) {
      print(`| ${names[kind]} | ${fmt(result.p50)} | ${fmt(result.p99)} | ${fmt(result.p99 / ours.p99, 2)}× | ${fmt(result.firstTenthMs)} / ${fmt(result.lastTenthMs)} | ${fmt(result.serverCpuMs, 2)} | ${fmt(result.clientCpuMs, 2)} | ${result.delivered} / ${expected} |`);
    }
    print();
    print(`Ours vs Hocuspocus p99: ${fmt(ours.p99 / (latencies.get('hocuspocus')?.p99 ?? Number.NaN), 2)}× (target ≤ 0.5×); vs raw ws: ${fmt(ours.p99 / latencies.get('raw')!.p99, 2)}× (target ≤ 1.5×). Load now: ${load()}.`);
    print();
  }
}

const perConnection = new Map<Kind, number>();
if (runs('b')) {
  // The raw ws forwarding server is the floor here too: a ws socket and nothing else per connection.
  for (const kind of kinds.includes('raw') ? kinds : [...kinds, 'raw' as Kind]) perConnection.set(kind, await idleMemory(kind));
  print(`## (b) ${idleConnections} idle connections to one document: server memory per connection`);
  print();
  print('| Server | KB per connection | vs ours |');
  print('|---|---|---|');
  for (const [kind, bytes] of perConnection) print(`| ${names[kind]} | ${fmt(bytes / 1024, 2)} | ${fmt(bytes / perConnection.get('allmende')!, 2)}× |`);
  print();
  print(`Target: ≤ 2.4 KB per connection. Load now: ${load()}.`);
  print();
}
if (onlyParts !== null) process.exit(0);

const contents = Array.from({ length: documentCount }, (_, i) => sampleDocument(i));
const encoded = contents.reduce((sum, content) => sum + content.byteLength, 0) / contents.length;
const perDocument = new Map<Kind, number>();
for (const kind of kinds) perDocument.set(kind, await documentMemory(kind, perConnection.get(kind)!, contents));
print(`## (c) ${documentCount} documents loaded (mean encoded size ${fmt(encoded / 1024)} KB): memory per document`);
print();
print('| Server | KB per document | × encoded size | vs ours |');
print('|---|---|---|---|');
for (const [kind, bytes] of perDocument) print(`| ${names[kind]} | ${fmt(bytes / 1024)} | ${fmt(bytes / encoded, 2)}× | ${fmt(bytes / perDocument.get('allmende')!, 2)}× |`);
print();
print(`Target: ≤ 3× the encoded size. The connection's own cost (b) is subtracted. Load now: ${load()}.`);
print();

const rates = new Map<Kind, number>();
for (const kind of kinds) rates.set(kind, await throughput(kind));
print('## (d) Sustained updates per second with persistence (10 documents × 2,000 single-character updates, 1 writer and 1 observer each)');
print();
print('| Server | updates/s | vs ours | persistence |');
print('|---|---|---|---|');
const persistence: Record<Kind, string> = {
  allmende: 'SQLite WAL, every update committed before it is forwarded',
  hocuspocus: 'onStoreDocument writing the full state to a file, default debounce (2 s, max 10 s)',
  'y-websocket': 'every update appended to a file (its LevelDB adapter is not built here)',
  raw: 'none',
};
for (const [kind, rate] of rates) print(`| ${names[kind]} | ${fmt(rate, 0)} | ${fmt(rate / rates.get('allmende')!, 2)}× | ${persistence[kind]} |`);
print();
print(`Load average at the end: ${load()}.`);

// The notes below the marker in the results file (earlier figures and their reading) are kept.
const resultsFile = join(here, 'results', 'relay.md');
const notesMarker = '<!-- notes: kept as they are when relay.bench.ts rewrites this file -->';
const previous = existsSync(resultsFile) ? readFileSync(resultsFile, 'utf8') : '';
const notes = previous.includes(notesMarker) ? previous.slice(previous.indexOf(notesMarker)) : '';
mkdirSync(join(here, 'results'), { recursive: true });
writeFileSync(resultsFile, `${lines.join('\n')}\n${notes === '' ? '' : `\n${notes}`}`);
