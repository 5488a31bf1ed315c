/**
 * The lecture's ink on the live server: the state every lecturer ink message is applied to (with the
 * pages' own `applyInkOp`, so it is bounded by INK_LIMITS), what to pass on to followers (only messages
 * that changed it, serialized from the parsed message, never the frame received), and the messages that
 * bring a late joiner or a reconnecting follower to it (kept until the ink changes again).
 */
import { applyInkOp, emptyInkState, type InkOp, inkSnapshot } from '../model/ink-ops.js';
import type { ServerMessage } from '../model/live.js';

export function inkRelay() {
  const state = emptyInkState();
  let snapshot: string[] | undefined;
  const text = (op: InkOp) => JSON.stringify({ t: 'ink', ...op } satisfies ServerMessage);
  return {
    /** The message to relay for a lecturer's ink message, or undefined when it changed nothing (or was past a limit). */
    apply(op: InkOp): string | undefined {
      if (!applyInkOp(state, op)) return undefined;
      snapshot = undefined;
      return text(op);
    },
    /** The whole ink as messages, in order (first the places with ink: a follower drops whatever else it held). */
    snapshot(): string[] {
      snapshot ??= inkSnapshot(state).map(text);
      return snapshot;
    },
    stats: () => ({ places: state.places.size, points: state.points }),
  };
}
