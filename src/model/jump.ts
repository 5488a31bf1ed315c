/**
 * `G` jump: which slides a query names, by number (as every view numbers them, slide-number.ts) or by words
 * of their titles. Case-, width- and accent-insensitive (NFKC: `ＧＰＴ` is `gpt`, `１２` is 12); Chinese titles
 * match by substring, since their words have no spaces. Pure: the runtime passes the deck's titles in.
 */
import { CJK } from './search.js';
import { parseSlideLabel } from './slide-number.js';

export interface JumpTarget {
  /** 0-based reading-order index (the slide numbered `index + 1`). */
  index: number;
  title: string;
}

export interface JumpMatch extends JumpTarget {
  /** Named by its number rather than its title. */
  byNumber: boolean;
}

/** Text folded for matching: NFKC (full-width forms to ASCII), lower case, accents dropped, spaces collapsed. */
export function foldText(text: string): string {
  return text.normalize('NFKC').toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/\s+/g, ' ').trim();
}

/** A query's words: space-separated, each folded. */
const wordsOf = (query: string): string[] => foldText(query).split(' ').filter(Boolean);

/** Does `word` start a word of `title` somewhere (any place, for Chinese, Japanese, Korean)? */
function startsAWord(title: string, word: string): boolean {
  if (CJK.test(word)) return title.includes(word);
  for (let i = title.indexOf(word); i >= 0; i = title.indexOf(word, i + 1))
    if (i === 0 || !/[\p{L}\p{N}]/u.test(title[i - 1] ?? '')) return true;
  return false;
}

/** How well a title answers a query: 0 starts with it, 1 a word starts with each word, 2 holds each; -1 not at all. */
function rank(title: string, words: string[], whole: string): number {
  if (!words.every((w) => title.includes(w))) return -1;
  if (title.startsWith(whole)) return 0;
  return words.every((w) => startsAWord(title, w)) ? 1 : 2;
}

/**
 * The slides `query` names, best first: the slide of that number (`12`, `#12`, `slide 12`, `１２`), then
 * slides whose titles hold every word of it (titles starting with it, then those with words starting so,
 * then any; in deck order within each), at most `limit`.
 */
export function jumpMatches(query: string, targets: readonly JumpTarget[], limit = 8): JumpMatch[] {
  const whole = foldText(query);
  if (!whole) return [];
  const out: JumpMatch[] = [];
  const n = parseSlideLabel(whole);
  const numbered = n === undefined ? undefined : targets.find((t) => t.index === n);
  if (numbered) out.push({ ...numbered, byNumber: true });
  const words = wordsOf(query);
  const ranked = targets
    .filter((t) => t !== numbered)
    .map((t) => ({ t, r: rank(foldText(t.title), words, whole) }))
    .filter(({ r }) => r >= 0)
    .sort((a, b) => a.r - b.r || a.t.index - b.t.index);
  for (const { t } of ranked) out.push({ ...t, byNumber: false });
  return out.slice(0, limit);
}
