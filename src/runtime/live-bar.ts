import { LIVE_KEYS } from '../model/live.js';
import type { UiStrings } from '../model/ui-strings.js';
import { el } from './dom.js';
import type { SocketStatus } from './live-socket.js';

export type FollowState = 'following' | 'browsing';

export interface LiveBar {
  /** `black`: the lecturer has blacked out the screen and this page shows black too. */
  update(socket: SocketStatus, follow: FollowState, lecturer: boolean, black: boolean): void;
  destroy(): void;
}

/**
 * A follower's status pill: whether the page follows the lecture, is browsing on its own, or is
 * reconnecting, and a "Back to live" button (key C) while browsing.
 */
export function liveBar(t: UiStrings['live'], backToLive: () => void): LiveBar {
  const dot = el('span', { class: 'lectern-live-dot', 'aria-hidden': 'true' });
  const label = el('span', { class: 'lectern-live-label' });
  const back = el('button', { type: 'button', class: 'lectern-live-back', 'aria-keyshortcuts': LIVE_KEYS.backToLive.key }, t.back);
  back.title = `${t.backKey} (${LIVE_KEYS.backToLive.key})`;
  back.hidden = true;
  back.addEventListener('click', backToLive);
  const bar = el('div', { class: 'lectern-live-bar', role: 'status' });
  bar.append(dot, label, back);
  document.body.append(bar);
  return {
    update(socket, follow, lecturer, black) {
      const state = socket !== 'open' ? socket : !lecturer ? 'waiting' : follow;
      bar.dataset.state = state;
      label.textContent =
        state === 'connecting'
          ? t.connecting
          : state === 'offline'
            ? t.offline
            : state === 'waiting'
              ? t.waiting
              : state === 'following'
                ? black
                  ? t.black
                  : t.following
                : t.browsing;
      back.hidden = follow === 'following';
    },
    destroy: () => bar.remove(),
  };
}
