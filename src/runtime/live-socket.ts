import { LIMITS, LIVE_SOCKET_PATH, reconnectDelay, type ServerMessage } from '../model/live.js';
import { parseServerMessage } from '../model/live-messages.js';

export type SocketStatus = 'connecting' | 'open' | 'offline';

export interface LiveSocket {
  send(data: string): void;
  destroy(): void;
}

/**
 * The page's end of the live channel: reconnects by itself with growing, jittered delays, at once when
 * the browser comes back online or the page is shown again, and when the server has been silent for two
 * of its heartbeats (a Wi-Fi drop can leave a socket that never reports closing).
 */
export function liveSocket(opts: {
  query?: string;
  onMessage: (message: ServerMessage) => void;
  onStatus: (status: SocketStatus) => void;
  onOpen?: () => void;
}): LiveSocket {
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${LIVE_SOCKET_PATH}${opts.query ?? ''}`;
  let ws: WebSocket | undefined;
  let attempt = 0;
  let retry: number | undefined;
  let watchdog: number | undefined;
  let stopped = false;

  const quiet = () => {
    window.clearTimeout(watchdog);
    watchdog = window.setTimeout(() => reconnect(), LIMITS.heartbeatMs * 2 + 5000);
  };

  const connect = () => {
    window.clearTimeout(retry);
    if (stopped) return;
    opts.onStatus(attempt === 0 ? 'connecting' : 'offline');
    const socket = new WebSocket(url);
    ws = socket;
    socket.addEventListener('open', () => {
      attempt = 0;
      quiet();
      opts.onStatus('open');
      opts.onOpen?.();
    });
    socket.addEventListener('message', (event) => {
      quiet();
      if (typeof event.data !== 'string') return;
      const message = parseServerMessage(event.data);
      if (message) opts.onMessage(message);
    });
    socket.addEventListener('close', () => {
      if (ws !== socket || stopped) return;
      window.clearTimeout(watchdog);
      opts.onStatus('offline');
      retry = window.setTimeout(connect, reconnectDelay(attempt++));
    });
  };

  /** Drops the current socket (if any) and connects again now. */
  const reconnect = () => {
    if (stopped) return;
    const old = ws;
    ws = undefined;
    old?.close();
    attempt = Math.min(attempt, 1);
    connect();
  };
  const onOnline = () => reconnect();
  const onVisible = () => {
    if (document.visibilityState === 'visible' && ws?.readyState !== WebSocket.OPEN) reconnect();
  };
  addEventListener('online', onOnline);
  document.addEventListener('visibilitychange', onVisible);
  connect();

  return {
    send: (data) => {
      if (ws?.readyState === WebSocket.OPEN) ws.send(data);
    },
    destroy: () => {
      stopped = true;
      window.clearTimeout(retry);
      window.clearTimeout(watchdog);
      removeEventListener('online', onOnline);
      document.removeEventListener('visibilitychange', onVisible);
      ws?.close();
    },
  };
}
