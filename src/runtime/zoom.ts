import { SLIDE_SIZE } from '../model/page.js';
import type { Deck } from './present.js';
import { channelName, type SpeakerMessage } from './speaker-link.js';

/** How much Alt+click enlarges (reveal's zoom plugin's default). */
export const ZOOM_SCALE = 2;
/** Set on `.reveal` while zoomed in. */
export const ZOOMED_CLASS = 'lectern-zoomed';

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/**
 * Alt+click zooms into the point clicked: the deck (`.reveal`) is scaled ×2 with that point brought to the
 * middle of the screen, as far as the slide's edges allow. Alt+click again, Escape, moving to another slide,
 * the overview or a resize zoom out. Our own rather than reveal's zoom plugin, which takes Ctrl+click on Linux,
 * transforms the whole page (the ink toolbar and dialogs too), and leaves Escape to open the overview as it zooms out.
 * The click is the zoom's alone: it neither draws ink nor follows a link. Ink drawn while zoomed lands where the
 * pen is (ink maps the pointer through the transform). Alt+click on the speaker view's current slide does the
 * same here (a `zoom` message on the deck's channel, in slide coordinates).
 */
export function initZoom(deck: Deck, slug: string) {
  const reveal = deck.getRevealElement() as HTMLElement;
  let zoomed = false;
  const out = () => {
    if (!zoomed) return;
    zoomed = false;
    reveal.style.transform = '';
    reveal.classList.remove(ZOOMED_CLASS);
  };
  const into = (x: number, y: number) => {
    const box = reveal.getBoundingClientRect();
    const [px, py] = [x - box.left, y - box.top];
    const tx = clamp(box.width / 2 - ZOOM_SCALE * px, box.width * (1 - ZOOM_SCALE), 0);
    const ty = clamp(box.height / 2 - ZOOM_SCALE * py, box.height * (1 - ZOOM_SCALE), 0);
    zoomed = true;
    reveal.style.transformOrigin = '0 0';
    reveal.style.transform = `translate(${tx}px, ${ty}px) scale(${ZOOM_SCALE})`;
    reveal.classList.add(ZOOMED_CLASS);
  };
  const onDown = (e: PointerEvent) => {
    if (!e.altKey || e.button !== 0 || !e.isPrimary || e.ctrlKey || e.metaKey || deck.isOverview()) return;
    e.preventDefault();
    e.stopPropagation();
    if (zoomed) out();
    else into(e.clientX, e.clientY);
  };
  // The click after it: no link followed (Alt+click downloads a link in Chromium), no reveal control pressed.
  const onClick = (e: MouseEvent) => {
    if (!e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    e.stopPropagation();
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || !zoomed) return;
    // Before reveal, whose Escape would open the overview.
    e.preventDefault();
    e.stopImmediatePropagation();
    out();
  };
  const channel = new BroadcastChannel(channelName(slug));
  const onMessage = (e: MessageEvent<SpeakerMessage>) => {
    const m = e.data;
    if (m?.type !== 'zoom' || !Number.isFinite(m.x) || !Number.isFinite(m.y) || deck.isOverview()) return;
    if (zoomed) return out();
    const box = deck.getSlidesElement()?.getBoundingClientRect();
    if (box?.width) into(box.left + (m.x / SLIDE_SIZE.width) * box.width, box.top + (m.y / SLIDE_SIZE.height) * box.height);
  };
  channel.addEventListener('message', onMessage);
  reveal.addEventListener('pointerdown', onDown, true);
  reveal.addEventListener('click', onClick, true);
  addEventListener('keydown', onKey, true);
  addEventListener('resize', out);
  for (const event of ['slidechanged', 'overviewshown']) deck.on(event, out);
  return {
    get zoomed() {
      return zoomed;
    },
    destroy() {
      out();
      channel.close();
      reveal.removeEventListener('pointerdown', onDown, true);
      reveal.removeEventListener('click', onClick, true);
      removeEventListener('keydown', onKey, true);
      removeEventListener('resize', out);
      for (const event of ['slidechanged', 'overviewshown']) deck.off(event, out);
    },
  };
}
