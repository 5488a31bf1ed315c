import type { SlideSource } from '../../model/types.js';
import { fenceTracker } from '../fences.js';

const PAUSE = /^\s*\.\s\.\s\.\s*$/;

/**
 * Quarto's `. . .` pause: what follows it on the slide appears on the next step. Each pause opens a
 * fragment div in place of its own line (line numbers stay), closed at the end of the slide.
 */
export function quartoPauses(slide: SlideSource): SlideSource {
  if (!slide.body.includes('. . .')) return slide;
  const inFence = fenceTracker();
  let open = 0;
  const lines = slide.body.split('\n').map((line) => {
    if (inFence(line) || !PAUSE.test(line)) return line;
    open += 1;
    return '::: {.fragment}';
  });
  if (!open) return slide;
  return { ...slide, body: [...lines, ...Array.from({ length: open }, () => '\n:::')].join('\n') };
}

/** Slide attributes Quarto reads from a slide's heading: `{.smaller}`, `{background-color="…"}`, `{auto-animate=true}`. */
export function headingSlideAttrs(attrs: [string, string][]): { slide: Record<string, string>; keep: [string, string][] } {
  const slide: Record<string, string> = {};
  const keep: [string, string][] = [];
  for (const [name, value] of attrs) {
    if (name === 'class') {
      const classes = value.split(/\s+/);
      const toSlide = classes.filter((c) => ['smaller', 'scrollable', 'center', 'title', 'divider'].includes(c));
      if (toSlide.length) slide.class = toSlide.join(' ');
      const rest = classes.filter((c) => !toSlide.includes(c));
      if (rest.length) keep.push(['class', rest.join(' ')]);
    } else if (/^(data-)?(background|transition|auto-animate|visibility|timing)/.test(name)) {
      slide[name.startsWith('data-') ? name : `data-${name}`] = value;
    } else keep.push([name, value]);
  }
  return { slide, keep };
}
