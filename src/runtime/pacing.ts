/** The speaker view's clock and pacing arithmetic: pure, no DOM. */

/** Formats seconds as m:ss or h:mm:ss. */
export function clockTime(seconds: number): string {
  const s = Math.floor(Math.abs(seconds));
  const hh = Math.floor(s / 3600);
  const mm = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return hh ? `${hh}:${String(mm).padStart(2, '0')}:${ss}` : `${mm}:${ss}`;
}

/**
 * Seconds planned per slide, as reveal's notes plugin computes them: `data-timing` where given, the rest
 * of `duration` shared equally among the other slides. Null when the deck sets neither.
 */
export function planTimings(timings: (number | null)[], totalSeconds?: number): number[] | null {
  const fixed = timings.reduce<number>((sum, t) => sum + (t ?? 0), 0);
  if (!totalSeconds && timings.every((t) => t === null)) return null;
  const free = timings.filter((t) => t === null).length;
  const share = totalSeconds && free ? Math.max(0, (totalSeconds - fixed) / free) : 0;
  return timings.map((t) => t ?? share);
}

export type Pace = { state: 'ahead' | 'on-time' | 'behind'; by: number; slideLeft: number };

/** Compares elapsed time with the planned window of the current slide. */
export function paceOf(plan: number[], index: number, elapsed: number): Pace {
  const start = plan.slice(0, index).reduce((a, b) => a + b, 0);
  const end = start + (plan[index] ?? 0);
  if (elapsed < start) return { state: 'ahead', by: start - elapsed, slideLeft: end - elapsed };
  if (elapsed > end) return { state: 'behind', by: elapsed - end, slideLeft: end - elapsed };
  return { state: 'on-time', by: 0, slideLeft: end - elapsed };
}

/**
 * The lecture's countdown in whole seconds: the planned total (shares of the duration add up to it
 * only within rounding), the time left (rounded up, as a countdown shows it) and the time over.
 */
export function lectureLeft(plan: number[], elapsed: number): { total: number; left: number; over: number } {
  const total = Math.round(plan.reduce((a, b) => a + b, 0));
  const left = Math.max(0, Math.ceil(total - elapsed - 1e-9));
  const over = elapsed > total ? Math.ceil(elapsed - total - 1e-9) : 0;
  return { total, left, over };
}
