// A share of the observers of the relay benchmark's case (a), in a process of its own:
// `tsx relay/observers.ts <kind> <port> <count> <document> <updates>`. With all 1,000 observers in
// the writer's process, that one client process parsing 1,000 messages per update dominated p99
// for every server alike; spread over processes, one per core, the server's own delay shows.
//
// The observers are lean clients (lean-client.ts: a TCP socket read into one shared buffer, the
// frame format written out), the same for every server, so the client side stays cheap. Each is an
// honest protocol client: it sends sync step 1 on connecting and answers the server's sync step 1
// with a sync step 2 (it has no content of its own), once. After that it does no Yjs work at all: it
// finds the writer's markers (markers.ts) in each binary message and notes when the i-th update
// arrived, on the clock all processes share (performance.timeOrigin + performance.now()), the
// first time it sees it. Prints `READY` once every observer is connected and `DONE` once each has
// all `updates`; answers `start` on stdin by resetting its CPU count, and `report` with
// `REPORT <json>`: the arrival times per observer (null for an update that did not arrive) and the
// CPU this process used since `start` (user and system, in ms).
import { createInterface } from 'node:readline';
import { sharedClock } from './clients.js';
import { type LeanClient, openLeanClient } from './lean-client.js';
import { findMarkers } from './markers.js';
import { hocuspocusWire, rawWire, yWebsocketWire, type Wire } from './wire.js';

const [kind, portText, countText, name, updatesText] = process.argv.slice(2) as [string, string, string, string, string];
const wires: Record<string, Wire> = { allmende: yWebsocketWire, 'y-websocket': yWebsocketWire, hocuspocus: hocuspocusWire, raw: rawWire };
const wire = wires[kind];
if (wire === undefined) throw new Error(`unknown server kind ${kind}`);
const port = Number(portText);
const count = Number(countText);
const updates = Number(updatesText);
const emptyUpdate = new Uint8Array([0, 0]);

interface Observer {
  times: Float64Array;
  received: number;
  synced: boolean;
}

const observers = new Map<LeanClient, Observer>();
let complete = 0;

function onMessage(client: LeanClient, at: number, payload: Buffer): void {
  const observer = observers.get(client)!;
  if (!observer.synced && wire.silent !== true && wire.readSync(payload)?.type === 0) {
    // The server's sync step 1: answered once with what this client has (nothing).
    observer.synced = true;
    client.send(wire.syncStep2(name, emptyUpdate));
    return;
  }
  findMarkers(payload, (index) => {
    if (index >= updates || !Number.isNaN(observer.times[index]!)) return;
    observer.times[index] = at;
    if (++observer.received === updates && ++complete === count) process.stdout.write('DONE\n');
  });
}

// An observer's entry is made on its first message (which may arrive before its connect resolves).
const lookup = (client: LeanClient): void => {
  if (!observers.has(client)) observers.set(client, { times: new Float64Array(updates).fill(Number.NaN), received: 0, synced: false });
};

const clients: LeanClient[] = [];
for (let i = 0; i < count; i += 50) {
  const batch = Array.from({ length: Math.min(50, count - i) }, () =>
    openLeanClient(wire.url(port, name), wire.hello(name), wire.silent === true, sharedClock, (client, at, payload) => {
      lookup(client);
      onMessage(client, at, payload);
    }),
  );
  clients.push(...(await Promise.all(batch)));
}
for (const client of clients) lookup(client);
process.stdout.write('READY\n');

let cpuAtStart = process.cpuUsage();
createInterface({ input: process.stdin }).on('line', (line) => {
  const command = line.trim();
  if (command === 'start') cpuAtStart = process.cpuUsage();
  else if (command === 'report') {
    const cpu = process.cpuUsage(cpuAtStart);
    const arrivals = clients.map((client) => Array.from(observers.get(client)!.times, (time) => (Number.isNaN(time) ? null : time)));
    process.stdout.write(`REPORT ${JSON.stringify({ arrivals, cpuMs: (cpu.user + cpu.system) / 1000 })}\n`);
  } else if (command === 'exit') {
    for (const client of clients) client.close();
    process.exit(0);
  }
});
