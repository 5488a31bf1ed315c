/** "Did you mean …?" for names an author mistyped: file names, deck slugs, diagram ids. Pure. */

function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost));
    }
    prev = row;
  }
  return prev[b.length] ?? 0;
}

/**
 * The candidate closest to `name` (case ignored), when it is close enough to be a typo: at most a
 * third of the name's letters differ (at least 1, at most 3). Undefined when nothing is that close.
 */
export function nearMatch(name: string, candidates: Iterable<string>): string | undefined {
  const want = name.toLowerCase();
  let best: { value: string; d: number } | undefined;
  for (const c of candidates) {
    const d = distance(want, c.toLowerCase());
    if (d <= Math.min(3, Math.max(1, Math.floor(want.length / 3))) && (!best || d < best.d)) best = { value: c, d };
  }
  return best?.value;
}
