// WebSocket clients of the relay benchmark, shared by the driver (relay.bench.ts) and the observer
// processes (observers.ts).
import { WebSocket } from 'ws';
import type { Wire } from './wire.js';

/** Opens a client, sends the protocol's hello and resolves once the server has answered something. */
export function openClient(wire: Wire, port: number, name: string, onMessage?: (data: Uint8Array) => void): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(wire.url(port, name));
    socket.binaryType = 'nodebuffer';
    let answered = false;
    socket.on('open', () => {
      for (const message of wire.hello(name)) socket.send(message);
      if (wire.silent === true) {
        answered = true;
        resolve(socket);
      }
    });
    socket.on('message', (data: Buffer) => {
      if (!answered) {
        answered = true;
        resolve(socket);
      }
      onMessage?.(data);
    });
    socket.on('error', reject);
  });
}

/** Opens `count` clients, 100 at a time. */
export async function openMany(count: number, open: (i: number) => Promise<WebSocket>): Promise<WebSocket[]> {
  const sockets: WebSocket[] = [];
  for (let i = 0; i < count; i += 100) {
    sockets.push(...(await Promise.all(Array.from({ length: Math.min(100, count - i) }, (_, j) => open(i + j)))));
  }
  return sockets;
}

/** Drops every socket without a close handshake. */
export function closeAll(sockets: WebSocket[]): void {
  for (const socket of sockets) socket.terminate();
}

/** Milliseconds on a clock every process of this machine shares (the wall clock, at sub-millisecond resolution). */
export function sharedClock(): number {
  return performance.timeOrigin + performance.now();
}
