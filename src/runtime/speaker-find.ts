import { SLIDE_SIZE } from '../model/page.js';
import type { DeckConfig } from './config.js';
import { installJumpKey, installSearchKey } from './search-key.js';
import { channelName, type SpeakerMessage } from './speaker-link.js';

/**
 * The speaker view's G (go to a slide by number or title) and Ctrl+Shift+F (search): the window the lecturer
 * has the keyboard in. Both list this view's copy of the slides; going there moves the deck (`go`). Alt+click
 * on the current slide (`screen`, slide-sized) zooms the deck into that point, or out (zoom.ts).
 */
export function installSpeakerFind(
  config: DeckConfig,
  screen: HTMLElement,
  slides: () => readonly HTMLElement[],
  go: (slide: HTMLElement) => void,
) {
  const jump = installJumpKey(config.lang, { slides, go });
  const search = installSearchKey(config, (index) => {
    const slide = slides()[index];
    if (slide) go(slide);
  });
  const channel = new BroadcastChannel(channelName(config.slug ?? ''));
  const area = screen.parentElement ?? screen;
  const onZoom = (e: PointerEvent) => {
    if (!e.altKey || e.button !== 0 || e.ctrlKey || e.metaKey) return;
    const r = screen.getBoundingClientRect();
    if (!r.width) return;
    e.preventDefault();
    e.stopPropagation();
    const x = ((e.clientX - r.left) / r.width) * SLIDE_SIZE.width;
    const y = ((e.clientY - r.top) / r.height) * SLIDE_SIZE.height;
    channel.postMessage({ type: 'zoom', x, y } satisfies SpeakerMessage);
  };
  area.addEventListener('pointerdown', onZoom, true);
  return {
    destroy() {
      jump.destroy();
      area.removeEventListener('pointerdown', onZoom, true);
      channel.close();
      search.destroy();
    },
  };
}
