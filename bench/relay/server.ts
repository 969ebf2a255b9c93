// One relay server of the relay benchmark, in a process of its own: `tsx relay/server.ts <kind> <dataDir>`
// with kind allmende | y-websocket | hocuspocus | raw. Prints `READY <port>`; answers `mem` on stdin with
// `MEM <json>` (process.memoryUsage() after two full GCs; run with --expose-gc), and `cpu` with
// `CPU <ms>` (the CPU time, user and system, the process used so far).
import { appendFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { WebSocketServer, type WebSocket } from 'ws';
import * as Y from 'yjs';

const [kind, dataDir] = process.argv.slice(2) as [string, string];

async function start(): Promise<number> {
  switch (kind) {
    case 'allmende': {
      const { startRelay } = await import('@allmende/relay');
      const relay = await startRelay({
        port: 0,
        dataDir,
        limits: { connectionsPerAddress: 100_000, messagesPerSecond: 1_000_000, messageBurst: 1_000_000 },
      });
      return relay.port;
    }
    case 'y-websocket': {
      const utils = await import('@y/websocket-server/utils');
      // Persistence as its LevelDB adapter does it (every update appended), to a file per document:
      // y-leveldb's native module is not built here.
      utils.setPersistence({
        provider: null,
        bindState: (name: string, doc: Y.Doc) => {
          const file = join(dataDir, `${encodeURIComponent(name)}.updates`);
          doc.on('update', (update: Uint8Array) => appendFileSync(file, update));
        },
        writeState: async () => {},
      });
      const server = createServer();
      const wss = new WebSocketServer({ server });
      wss.on('connection', (socket, request) => utils.setupWSConnection(socket, request));
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      return (server.address() as AddressInfo).port;
    }
    case 'hocuspocus': {
      const { Server } = await import('@hocuspocus/server');
      const server = new Server({
        port: 0,
        address: '127.0.0.1',
        quiet: true,
        stopOnSignals: false,
        // Its persistence hook with the default debounce (2 s, at most 10 s): the full state per store.
        async onStoreDocument({ documentName, document }) {
          writeFileSync(join(dataDir, `${encodeURIComponent(documentName)}.state`), Y.encodeStateAsUpdate(document));
        },
      });
      await server.listen();
      return (server.httpServer.address() as AddressInfo).port;
    }
    case 'raw': {
      // The floor: every message is forwarded as it is to the other sockets on the same path.
      const rooms = new Map<string, Set<WebSocket>>();
      const server = createServer();
      const wss = new WebSocketServer({ server });
      wss.on('connection', (socket, request) => {
        const path = request.url ?? '/';
        let room = rooms.get(path);
        if (room === undefined) rooms.set(path, (room = new Set()));
        const members = room;
        members.add(socket);
        socket.on('message', (data) => {
          for (const other of members) if (other !== socket) other.send(data);
        });
        socket.on('close', () => members.delete(socket));
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      return (server.address() as AddressInfo).port;
    }
    default:
      throw new Error(`unknown server kind ${kind}`);
  }
}

// A profiled run (--cpu-prof) writes its profile on a normal exit.
process.on('SIGINT', () => process.exit(0));
const port = await start();
process.stdout.write(`READY ${port}\n`);
createInterface({ input: process.stdin }).on('line', (line) => {
  if (line.trim() === 'cpu') {
    const cpu = process.cpuUsage();
    process.stdout.write(`CPU ${(cpu.user + cpu.system) / 1000}\n`);
    return;
  }
  if (line.trim() !== 'mem') return;
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
  process.stdout.write(`MEM ${JSON.stringify(process.memoryUsage())}\n`);
});
