/**
 * The live channel (`npm run live`): what the live server, the lecturer's deck, the audience pages, the
 * tests and the bench agree on — paths, limits, message shapes (their one parser each way: live-messages.ts),
 * UI strings and keys.
 *
 * Direction and authority: only a connection that presented the lecturer's key (and came from loopback)
 * may send `pos` and `ink`; everything an audience connection sends is dropped and counted against it.
 * Server messages carry the position and the ink only, never the key.
 *
 * Ink (issue 12's, as it is drawn): `{ t: 'ink', …InkOp }`, the messages of src/model/ink-ops.ts (point
 * batches of a stroke under way, the strokes a place keeps after undo/erase/clear, the places with ink),
 * bounded by INK_LIMITS. The server applies each to the lecture's ink it keeps (the same `applyInkOp` the
 * pages use) and passes on only what changed it, re-serialized; a late joiner or a reconnect is sent the
 * whole ink as such messages. Unknown `t` values are ignored by followers, so an older page survives a
 * newer server.
 */
import type { InkOp } from './ink-ops.js';

/** Where the deck is: reveal's indices (`f` -1 before the first fragment; diagram steps are fragments). */
export interface LivePosition {
  h: number;
  v: number;
  f: number;
  /** The slide's element id (`slide-3`, or an author's id): reading mode scrolls to it. */
  id: string;
}

/** Lecturer → server: where the deck is, and whether the lecturer has blacked out the screen (B); the lecturer's ink. */
export type LecturerMessage = ({ t: 'pos'; black: boolean; board?: number } & LivePosition) | LiveInk;
/** The lecturer's ink, either way (lecturer → server → followers). */
export type LiveInk = { t: 'ink' } & InkOp;

/** Server → every client of the deck. `seq` grows by one per position change. */
export type ServerMessage =
  /** `board`: the blank board page the lecturer shows (W) instead of the slide, if any. */
  | { t: 'state'; seq: number; pos: LivePosition | null; black: boolean; lecturer: boolean; board?: number }
  /** To the lecturer only: how many audience pages follow. */
  | { t: 'audience'; count: number }
  | LiveInk;

/** The WebSocket endpoint, on the same origin as the pages. */
export const LIVE_SOCKET_PATH = '/_live/ws';
/** The audience URL as an SVG QR code (public: the audience URL is no secret). */
export const LIVE_QR_PATH = '/_live/qr.svg';
/** Query parameter of the lecturer's URL (and of the lecturer's socket) carrying the key. */
export const LECTURER_PARAM = 'lecturer';
/** Element id of the JSON the live server puts into the deck page it serves (see `LivePageConfig`). */
export const LIVE_CONFIG_ID = 'lectern-live';

/** What the live server tells a page about itself; absent on pages not served by `npm run live`. */
export interface LivePageConfig {
  role: 'lecturer' | 'audience';
  /** Where the lecture is when the page was served: a late joiner opens there before the socket connects. */
  pos: LivePosition | null;
  /** The audience URL (for the QR screen on the lecturer's deck); empty when there is no LAN address. */
  audienceUrl: string;
}

export const LIMITS = {
  /** Largest frame the server accepts from an audience page, and largest position; ws closes the socket (1009) beyond. */
  maxPayload: 1024,
  /** Largest frame from the lecturer's socket: an ink message (256 points, or 500 stroke ids) is at most ~14 KB. */
  lecturerMaxPayload: 16 * 1024,
  /** Messages per second a connection may send on average, and the burst above it, before it is closed. */
  ratePerSecond: 60,
  burst: 120,
  /** The lecturer's socket (positions and ink; the page paces its ink below this, LECTURER_INK_PACE). */
  lecturerRatePerSecond: 200,
  lecturerBurst: 400,
  /** Ink messages waiting for one follower (a late joiner's whole ink is ~1.5 MB at most); beyond, it is dropped and reconnects. */
  maxQueuedInkBytes: 8 << 20,
  /** A follower's socket buffer is topped up with waiting ink messages while below this. */
  inkHighWater: 256 << 10,
  /** Messages not yet written to a slow follower; beyond it only the newest state is kept (states replace each other). */
  maxInFlight: 4,
  /** A follower whose socket buffer stays above this is dropped (it reconnects and catches up). */
  maxBufferedBytes: 1 << 20,
  maxClients: 5000,
  maxIdLength: 200,
  maxIndex: 100_000,
  /** Blank board pages (W). */
  maxBoardPages: 100,
  /** Server ping interval; a client that misses one is terminated. */
  heartbeatMs: 15_000,
};

/** Reconnect delays of a page: doubles from `min` to `max`, with jitter so a room does not reconnect at once. */
export const RECONNECT = { minMs: 250, maxMs: 8000 };

export function reconnectDelay(attempt: number, random: number = Math.random()): number {
  const base = Math.min(RECONNECT.maxMs, RECONNECT.minMs * 2 ** Math.max(0, attempt));
  return Math.round(base * (0.5 + random / 2));
}

/** How fast the lecturer's page sends ink: at most `messages` every `ms` (well below the socket's bucket). */
export const LECTURER_INK_PACE = { ms: 50, messages: 8 };

export const samePosition = (a: LivePosition | null | undefined, b: LivePosition | null | undefined): boolean =>
  !!a && !!b && a.h === b.h && a.v === b.v && a.f === b.f;

/** Keys the live pages add (reveal's help overlay lists them through `addKeyBinding`; README names them too). */
export const LIVE_KEYS = {
  /** Lecturer: the audience URL as a full-screen QR code (again, or Escape, to close). */
  qr: { key: 'Q', keyCode: 81 },
  /** Follower: back to the lecturer's position after browsing away. */
  backToLive: { key: 'C', keyCode: 67 },
} as const;
