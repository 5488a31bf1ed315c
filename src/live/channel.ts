/**
 * The live channel: one WebSocket endpoint beside the static files. The lecturer's deck (the only
 * connection that presented the key, from loopback) sends its position and its ink; every other
 * connection gets them and may send nothing. Every client is treated as hostile: frames are bounded
 * (maxPayload; the lecturer's socket, which carries ink, lecturerMaxPayload), each connection has a token
 * bucket, a slow follower holds at most a few unsent states (states replace each other, so only the
 * newest is kept) and a bounded queue of ink messages (which do not), dead sockets are found by ping.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';
import { LECTURER_PARAM, LIMITS, LIVE_SOCKET_PATH, type LivePosition, type ServerMessage } from '../model/live.js';
import { parseLecturerMessage } from '../model/live-messages.js';
import { inkRelay } from './ink-relay.js';
import { keyMatches } from './key.js';

interface Client {
  ws: WebSocket;
  lecturer: boolean;
  tokens: number;
  refilled: number;
  inFlight: number;
  /** The newest message not yet handed to the socket because `inFlight` was at its bound. */
  queued?: string;
  /** Ink messages not yet handed to the socket (from `inkAt` on), and their size. */
  ink: string[];
  inkAt: number;
  inkBytes: number;
  alive: boolean;
}

export interface ChannelStats {
  followers: number;
  lecturers: number;
  seq: number;
  rejected: number;
  dropped: number;
  /** The lecture's ink the server keeps: slides and board pages with ink, points in all. */
  ink: { places: number; points: number };
}

export interface LiveChannel {
  /** Where the lecture is (null until the lecturer's deck has connected once). */
  position(): LivePosition | null;
  stats(): ChannelStats;
  close(): void;
}

export const isLoopback = (address: string | undefined): boolean =>
  !!address && (address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.'));

export function attachChannel(server: Server, key: string): LiveChannel {
  const audienceWss = new WebSocketServer({ noServer: true, maxPayload: LIMITS.maxPayload, perMessageDeflate: false });
  const lecturerWss = new WebSocketServer({ noServer: true, maxPayload: LIMITS.lecturerMaxPayload, perMessageDeflate: false });
  const clients = new Set<Client>();
  const ink = inkRelay();
  let pos: LivePosition | null = null;
  let black = false;
  let board: number | undefined;
  let seq = 0;
  let rejected = 0;
  let dropped = 0;

  const lecturers = () => [...clients].filter((c) => c.lecturer);
  const stateMessage = (): string => {
    const message: ServerMessage = { t: 'state', seq, pos, black, lecturer: lecturers().length > 0 };
    if (board !== undefined) message.board = board;
    return JSON.stringify(message);
  };

  const send = (c: Client, data: string) => {
    if (c.ws.readyState !== c.ws.OPEN) return;
    if (c.ws.bufferedAmount > LIMITS.maxBufferedBytes) {
      // Not reading at all: let it go; its page reconnects and catches up.
      dropped++;
      c.ws.terminate();
      return;
    }
    if (c.inFlight >= LIMITS.maxInFlight) {
      c.queued = data;
      return;
    }
    c.inFlight++;
    c.ws.send(data, () => {
      c.inFlight--;
      const next = c.queued;
      if (next !== undefined && c.inFlight < LIMITS.maxInFlight) {
        c.queued = undefined;
        send(c, next);
      }
    });
  };

  /** Ink messages keep their order and are never replaced: queued, and handed to the socket as its buffer drains. */
  const pumpInk = (c: Client) => {
    while (c.inkAt < c.ink.length && c.ws.readyState === c.ws.OPEN && c.ws.bufferedAmount < LIMITS.inkHighWater) {
      const data = c.ink[c.inkAt++] as string;
      c.inkBytes -= data.length;
      c.ws.send(data, () => pumpInk(c));
    }
    if (c.inkAt === c.ink.length && c.inkAt) {
      c.ink = [];
      c.inkAt = 0;
    }
  };
  const sendInk = (c: Client, messages: string[]) => {
    for (const data of messages) {
      if (c.inkBytes + data.length > LIMITS.maxQueuedInkBytes) {
        dropped++;
        c.ws.terminate();
        return;
      }
      c.ink.push(data);
      c.inkBytes += data.length;
    }
    pumpInk(c);
  };

  const broadcast = () => {
    const data = stateMessage();
    for (const c of clients) send(c, data);
  };

  const sendCount = () => {
    const count = clients.size - lecturers().length;
    const data = JSON.stringify({ t: 'audience', count } satisfies ServerMessage);
    for (const c of lecturers()) send(c, data);
  };
  // The lecturer's follower count, at most every second (joins come in bursts when the QR code is shown).
  let countTimer: NodeJS.Timeout | undefined;
  const countChanged = () => {
    countTimer ??= setTimeout(() => {
      countTimer = undefined;
      sendCount();
    }, 1000);
  };

  /** Token bucket: false once the connection has sent more than its rate allows. */
  const allowed = (c: Client): boolean => {
    const now = performance.now();
    const [rate, burst] = c.lecturer ? [LIMITS.lecturerRatePerSecond, LIMITS.lecturerBurst] : [LIMITS.ratePerSecond, LIMITS.burst];
    c.tokens = Math.min(burst, c.tokens + ((now - c.refilled) / 1000) * rate);
    c.refilled = now;
    if (c.tokens < 1) return false;
    c.tokens -= 1;
    return true;
  };

  const onMessage = (c: Client, raw: Buffer | ArrayBuffer | Buffer[], isBinary: boolean) => {
    if (!allowed(c)) {
      rejected++;
      c.ws.close(1008, 'too many messages');
      return;
    }
    // Followers have nothing to say: whatever they send is dropped (and counted by the bucket above).
    if (!c.lecturer || isBinary) {
      rejected++;
      return;
    }
    const message = parseLecturerMessage(Buffer.isBuffer(raw) ? raw.toString('utf8') : String(raw));
    if (!message) {
      rejected++;
      return;
    }
    if (message.t === 'ink') {
      const { t: _, ...op } = message;
      const relayed = ink.apply(op);
      if (relayed) for (const other of clients) if (!other.lecturer) sendInk(other, [relayed]);
      return;
    }
    const { h, v, f, id } = message;
    if (pos && pos.h === h && pos.v === v && pos.f === f && pos.id === id && black === message.black && board === message.board) return;
    pos = { h, v, f, id };
    black = message.black;
    board = message.board;
    seq++;
    broadcast();
  };

  const refuse = (socket: Duplex, status: string) => {
    rejected++;
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  };

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname !== LIVE_SOCKET_PATH) return refuse(socket, '404 Not Found');
    if (clients.size >= LIMITS.maxClients) return refuse(socket, '503 Service Unavailable');
    const offered = url.searchParams.get(LECTURER_PARAM);
    let lecturer = false;
    if (offered !== null) {
      // A wrong key is refused outright rather than demoted: the page then knows it is not driving.
      if (!keyMatches(offered, key) || !isLoopback(req.socket.remoteAddress)) return refuse(socket, '403 Forbidden');
      lecturer = true;
    }
    (lecturer ? lecturerWss : audienceWss).handleUpgrade(req, socket, head, (ws) => {
      const c: Client = {
        ws,
        lecturer,
        tokens: lecturer ? LIMITS.lecturerBurst : LIMITS.burst,
        refilled: performance.now(),
        inFlight: 0,
        ink: [],
        inkAt: 0,
        inkBytes: 0,
        alive: true,
      };
      clients.add(c);
      ws.on('message', (data, isBinary) => onMessage(c, data, isBinary));
      ws.on('pong', () => {
        c.alive = true;
      });
      ws.on('error', () => ws.terminate());
      ws.on('close', () => {
        clients.delete(c);
        if (c.lecturer) broadcast();
        countChanged();
      });
      // Late joiners and reconnects land where the lecture is.
      send(c, stateMessage());
      if (lecturer) {
        broadcast();
        sendCount();
      } else {
        // …with the lecture's ink so far (the page replaces whatever ink it held).
        sendInk(c, ink.snapshot());
        countChanged();
      }
    });
  });

  // Pings find dead sockets here; the state sent along lets a page notice a socket that went silent.
  const heartbeat = setInterval(() => {
    const data = stateMessage();
    for (const c of clients) {
      if (!c.alive) {
        c.ws.terminate();
        continue;
      }
      c.alive = false;
      c.ws.ping();
      send(c, data);
    }
  }, LIMITS.heartbeatMs);
  heartbeat.unref();

  return {
    position: () => pos,
    stats: () => ({
      followers: clients.size - lecturers().length,
      lecturers: lecturers().length,
      seq,
      rejected,
      dropped,
      ink: ink.stats(),
    }),
    close: () => {
      clearInterval(heartbeat);
      clearTimeout(countTimer);
      for (const c of clients) c.ws.terminate();
      audienceWss.close();
      lecturerWss.close();
    },
  };
}
