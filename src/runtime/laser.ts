import { SLIDE_SIZE } from '../model/page.js';
import { channelName, type SpeakerMessage } from './speaker-link.js';

/**
 * The laser pointer (L): the cursor becomes a bright red dot over the slide, and the dot is shown in the
 * other window too (deck ↔ speaker view) through the deck's speaker channel. `stage` is the slide-sized
 * box (reveal's `.slides`, or the speaker view's current preview); the dot lives inside it, in slide
 * coordinates, so it lands on the same spot of the slide at any size.
 */
export function initLaser(slug: string, stage: () => HTMLElement | null | undefined, cursorArea: HTMLElement) {
  const channel = new BroadcastChannel(channelName(slug));
  const dot = document.createElement('div');
  dot.className = 'lectern-laser';
  dot.hidden = true;
  let on = false;
  let frame = 0;
  let last: { x: number; y: number } | undefined;

  const place = (x: number, y: number, show: boolean) => {
    const box = stage();
    if (!box) return;
    if (dot.parentElement !== box) box.append(dot);
    dot.hidden = !show;
    dot.style.left = `${x}px`;
    dot.style.top = `${y}px`;
  };
  const onMove = (e: PointerEvent) => {
    const box = stage();
    if (!on || !box) return;
    const r = box.getBoundingClientRect();
    if (!r.width) return;
    last = { x: ((e.clientX - r.left) / r.width) * SLIDE_SIZE.width, y: ((e.clientY - r.top) / r.height) * SLIDE_SIZE.height };
    frame ||= requestAnimationFrame(() => {
      frame = 0;
      if (!last) return;
      place(last.x, last.y, true);
      channel.postMessage({ type: 'laser', on: true, ...last } satisfies SpeakerMessage);
    });
  };
  const onMessage = (e: MessageEvent<SpeakerMessage>) => {
    const m = e.data;
    if (m.type !== 'laser' || on) return;
    if (typeof m.x !== 'number' || typeof m.y !== 'number') return;
    place(m.x, m.y, m.on);
  };
  channel.addEventListener('message', onMessage);
  addEventListener('pointermove', onMove);
  const set = (next: boolean) => {
    on = next;
    cursorArea.classList.toggle('lectern-lasering', on);
    if (!on) {
      dot.hidden = true;
      channel.postMessage({ type: 'laser', on: false, x: 0, y: 0 } satisfies SpeakerMessage);
    }
  };
  return {
    get on() {
      return on;
    },
    toggle: () => set(!on),
    destroy() {
      cancelAnimationFrame(frame);
      removeEventListener('pointermove', onMove);
      channel.removeEventListener('message', onMessage);
      channel.close();
      dot.remove();
    },
  };
}
