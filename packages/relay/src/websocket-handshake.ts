import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { ServerWebSocket, type WebSocketContext } from './server-websocket.js';

// RFC 6455 §1.3: the GUID appended to the client's key for Sec-WebSocket-Accept.
const acceptGuid = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
// A base64-encoded 16-byte nonce.
const keyPattern = /^[+/0-9A-Za-z]{22}==$/;
// An HTTP token (RFC 9110 §5.6.2), as subprotocol names must be.
const tokenPattern = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/**
 * Completes the WebSocket handshake (RFC 6455 §4.2) of an HTTP upgrade `request` on `socket`, as
 * received in the HTTP server's 'upgrade' event with `head`. Answers a request that is not a
 * valid WebSocket version 13 handshake with 400 (426 for another version) and returns null.
 * `chooseProtocol` gets the offered subprotocols and returns the one to answer with, or null for
 * none. No extension is negotiated (no permessage-deflate).
 */
export function acceptWebSocket(
  request: IncomingMessage,
  socket: Duplex,
  head: Buffer,
  context: WebSocketContext,
  chooseProtocol: (offered: ReadonlySet<string>) => string | null,
): ServerWebSocket | null {
  socket.on('error', ignoreError);
  if (!socket.readable || !socket.writable) {
    socket.destroy();
    return null;
  }
  if (request.method !== 'GET') return refuse(socket, 400, 'a WebSocket handshake must be a GET request');
  if (request.headers.upgrade?.toLowerCase() !== 'websocket') return refuse(socket, 400, 'the Upgrade header must be "websocket"');
  const key = request.headers['sec-websocket-key'];
  if (key === undefined || !keyPattern.test(key.trim())) {
    return refuse(socket, 400, 'missing or invalid Sec-WebSocket-Key header');
  }
  const version = request.headers['sec-websocket-version'];
  if (version?.trim() !== '13') {
    return refuse(socket, 426, 'only WebSocket version 13 is supported', ['Sec-WebSocket-Version: 13']);
  }
  const offered = parseProtocols(request.headers['sec-websocket-protocol']);
  if (offered === null) return refuse(socket, 400, 'invalid Sec-WebSocket-Protocol header: a comma-separated list of tokens');
  const protocol = offered.size === 0 ? null : chooseProtocol(offered);
  const accept = createHash('sha1').update(key.trim() + acceptGuid).digest('base64');
  const lines = ['HTTP/1.1 101 Switching Protocols', 'Upgrade: websocket', 'Connection: Upgrade', `Sec-WebSocket-Accept: ${accept}`];
  if (protocol !== null) lines.push(`Sec-WebSocket-Protocol: ${protocol}`);
  socket.write(`${lines.join('\r\n')}\r\n\r\n`);
  socket.off('error', ignoreError);
  return new ServerWebSocket(socket as Socket, head, protocol ?? '', context);
}

// The offered subprotocols, or null when the header is malformed.
function parseProtocols(header: string | undefined): Set<string> | null {
  const offered = new Set<string>();
  if (header === undefined) return offered;
  for (const entry of header.split(',')) {
    const name = entry.trim();
    if (!tokenPattern.test(name) || offered.has(name)) return null;
    offered.add(name);
  }
  return offered;
}

function refuse(socket: Duplex, status: 400 | 426, message: string, headers: string[] = []): null {
  const statusText = status === 400 ? 'Bad Request' : 'Upgrade Required';
  const body = `${message}\n`;
  const response = [
    `HTTP/1.1 ${status} ${statusText}`,
    'Connection: close',
    'Content-Type: text/plain; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
    ...headers,
    '',
    body,
  ].join('\r\n');
  socket.once('finish', () => socket.destroy());
  socket.end(response);
  return null;
}

function ignoreError(): void {}
