import { DIAGRAM, pendingDiagrams } from '../model/page.js';
import { drawAll } from './diagrams.js';

/**
 * Reading mode draws a diagram only when its slide comes within two screens of the view: Mermaid
 * (~250 KB gzip) is not downloaded for a lecture read from the top until its first diagram is near.
 * Slides are watched rather than figures: a slide far away is not laid out (`content-visibility`).
 */
export const NEAR_MARGIN = '200% 0px 200% 0px';

export function initReadingDiagrams(items: readonly HTMLElement[]): { firstScreen: Promise<void>; destroy(): void } {
  const withDiagrams = items.filter((item) => item.querySelector(DIAGRAM.selector));
  let first: (() => void) | undefined;
  const firstScreen = new Promise<void>((resolve) => {
    first = resolve;
  });
  const observer = new IntersectionObserver(
    (entries) => {
      const near = entries.filter((e) => e.isIntersecting).map((e) => e.target as HTMLElement);
      for (const item of near) observer.unobserve(item);
      const drawn = drawAll(near.flatMap((item) => [...item.querySelectorAll<HTMLElement>(pendingDiagrams)]));
      // The first report covers every watched slide: what is near at the start is drawn before "ready".
      if (first) {
        const done = first;
        first = undefined;
        void drawn.then(done, done);
      }
    },
    { rootMargin: NEAR_MARGIN },
  );
  for (const item of withDiagrams) observer.observe(item);
  if (withDiagrams.length === 0) first?.();
  return { firstScreen, destroy: () => observer.disconnect() };
}
