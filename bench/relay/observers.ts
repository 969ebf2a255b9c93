// A share of the observers of the relay benchmark's latency case (a), in a process of its own:
// `tsx relay/observers.ts <kind> <port> <count> <document> <updates>`. With all 1,000 observers in
// the writer's process, that one client process parsing 1,000 messages per update dominated p99
// for every server alike; spread over several processes, the server's own delay shows.
//
// The observers are lean clients (lean-client.ts: a TCP socket and the frame format written out),
// the same for every server, so the client side stays cheap. Each observer notes when it received
// the i-th document update, on the clock all processes share (performance.timeOrigin + performance.now()). Prints `READY` once every observer is
// connected and `DONE` once each has all `updates`; answers `start` on stdin by resetting its CPU
// count, and `report` with `REPORT <json>`: the arrival times per observer and the CPU this
// process used since `start` (user and system, in ms).
import { createInterface } from 'node:readline';
import { sharedClock } from './clients.js';
import { type LeanClient, openLeanClient } from './lean-client.js';
import { hocuspocusWire, rawWire, yWebsocketWire, type Wire } from './wire.js';

const [kind, portText, countText, name, updatesText] = process.argv.slice(2) as [string, string, string, string, string];
const wires: Record<string, Wire> = { allmende: yWebsocketWire, 'y-websocket': yWebsocketWire, hocuspocus: hocuspocusWire, raw: rawWire };
const wire = wires[kind];
if (wire === undefined) throw new Error(`unknown server kind ${kind}`);
const port = Number(portText);
const count = Number(countText);
const updates = Number(updatesText);

const arrivals: number[][] = [];
const clients: LeanClient[] = [];
let complete = 0;
for (let i = 0; i < count; i += 50) {
  const batch = Array.from({ length: Math.min(50, count - i) }, () => {
    const times: number[] = [];
    arrivals.push(times);
    // The clock is read when the bytes arrive: parsing is client work, not the server's delay.
    return openLeanClient(wire.url(port, name), wire.hello(name), wire.silent === true, sharedClock, (at, messages) => {
      for (const data of messages) {
        // Raw forwarding passes the writer's hello (a sync step 1) too; only updates count.
        if (wire.readSync(data)?.type !== 2) continue;
        times.push(at);
        if (times.length === updates && ++complete === count) process.stdout.write('DONE\n');
      }
    });
  });
  clients.push(...(await Promise.all(batch)));
}
process.stdout.write('READY\n');

let cpuAtStart = process.cpuUsage();
createInterface({ input: process.stdin }).on('line', (line) => {
  const command = line.trim();
  if (command === 'start') cpuAtStart = process.cpuUsage();
  else if (command === 'report') {
    const cpu = process.cpuUsage(cpuAtStart);
    process.stdout.write(`REPORT ${JSON.stringify({ arrivals, cpuMs: (cpu.user + cpu.system) / 1000 })}\n`);
  } else if (command === 'exit') {
    for (const client of clients) client.close();
    process.exit(0);
  }
});
