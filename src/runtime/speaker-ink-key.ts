import { pressed } from '../model/keys.js';
import { typing } from './dom.js';
import { whenInk } from './ink-key.js';
import { initLaser } from './laser.js';

/** D and L (laser) in the speaker view (Escape leaves drawing); the ink code is loaded on first use, or at once when there is ink. */
export function installSpeakerInk(
  slug: string,
  lang: string | undefined,
  screen: HTMLElement,
  host: HTMLElement,
  slide: () => string | undefined,
) {
  let ink: Promise<ReturnType<typeof import('./speaker-ink.js').startSpeakerInk>> | undefined;
  const load = () => {
    ink ??= import('./speaker-ink.js').then((m) => m.startSpeakerInk(slug, lang, screen, host, slide));
    return ink;
  };
  let active = false;
  const laser = initLaser(slug, () => screen, screen.parentElement ?? screen);
  const onKey = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey || typing(e)) return;
    if (pressed('laser', 'speaker', e.key)) {
      e.preventDefault();
      laser.toggle();
      return;
    }
    if (pressed('draw', 'speaker', e.key) || (e.key === 'Escape' && active)) {
      e.preventDefault();
      const leave = e.key === 'Escape';
      void load().then((i) => {
        if (leave) i.pad.leave();
        else i.pad.toggle();
        active = i.pad.active;
      });
    }
  };
  document.addEventListener('keydown', onKey);
  whenInk(slug, () => void load());
  return {
    render: () => void ink?.then((i) => i.pad.render()),
    destroy() {
      document.removeEventListener('keydown', onKey);
      laser.destroy();
      void ink?.then((i) => i.destroy());
    },
  };
}
