import type { InkOp } from '../model/ink-ops.js';
import type { LivePosition } from '../model/live.js';
import type { UiStrings } from '../model/ui-strings.js';
import { el } from './dom.js';
import { type FollowState, liveBar } from './live-bar.js';
import { liveSocket, type SocketStatus } from './live-socket.js';

/** What a follower view gets from its live link. */
export interface LiveLink {
  /** The lecturer's position as last heard (or as the page was served), null before the lecture starts. */
  readonly live: LivePosition | null;
  readonly follow: FollowState;
  /** The view says whether the reader is where the lecture is ('following') or elsewhere ('browsing'). */
  setFollow(follow: FollowState): void;
  /** Follow again: go to the lecturer's position (the live bar's button and key C). */
  backToLive(): void;
  destroy(): void;
}

/**
 * The part every audience page shares, presenting or reading: the live channel's socket, the lecturer's
 * position, whether this page follows it, the live bar with "Back to live", and the black screen while
 * the lecturer has blacked out the projector (shown only while following: a reader browsing on their own
 * keeps their slide). The lecturer's ink goes to `onInk`. The view knows how to go to a position: `go` is called whenever the page follows
 * and the lecture may have moved, and does nothing when the page is already there.
 */
export function liveLink(
  t: UiStrings['live'],
  start: LivePosition | null,
  go: (live: LivePosition) => void,
  onInk: (op: InkOp) => void,
  onBoard: (page: number | undefined) => void = () => {},
): LiveLink {
  let live = start;
  let lecturer = false;
  let black = false;
  let follow: FollowState = 'following';
  let socket: SocketStatus = 'connecting';
  const root = document.documentElement;
  const screen = el('div', { class: 'lectern-live-black', 'aria-hidden': 'true' });
  screen.hidden = true;
  document.body.append(screen);

  const sync = () => {
    if (live && follow === 'following') go(live);
  };
  const show = () => {
    const dark = black && follow === 'following';
    bar.update(socket, follow, lecturer, dark);
    screen.hidden = !dark;
    root.dataset.lecternLive = socket === 'open' ? follow : socket;
    root.toggleAttribute('data-lectern-live-black', dark);
  };
  const backToLive = () => {
    follow = 'following';
    sync();
    show();
  };
  const bar = liveBar(t, backToLive);

  const channel = liveSocket({
    onStatus: (s) => {
      socket = s;
      show();
    },
    onMessage: (m) => {
      if (m.t === 'ink') {
        const { t: _, ...op } = m;
        onInk(op);
      }
      if (m.t !== 'state') return;
      lecturer = m.lecturer;
      black = m.black;
      onBoard(m.board);
      if (m.pos) live = m.pos;
      sync();
      root.dataset.lecternLiveSeq = String(m.seq);
      show();
    },
  });
  show();

  return {
    get live() {
      return live;
    },
    get follow() {
      return follow;
    },
    setFollow(next) {
      if (next === follow) return;
      follow = next;
      show();
    },
    backToLive,
    destroy() {
      channel.destroy();
      bar.destroy();
      screen.remove();
      root.removeAttribute('data-lectern-live-black');
    },
  };
}
