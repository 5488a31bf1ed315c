import { bundledLanguages, createHighlighter, type HighlighterGeneric, type ThemedToken } from 'shiki';
import { renderCache } from './memo.js';

// biome-ignore lint/suspicious/noExplicitAny: shiki's generic parameters are irrelevant here
export type Highlighter = HighlighterGeneric<any, any>;

export const CODE_THEME = 'github-light';

let highlighterPromise: Promise<Highlighter> | undefined;

/** One Shiki highlighter per process; languages are loaded as decks ask for them. */
export async function highlighterFor(text: string): Promise<Highlighter> {
  highlighterPromise ??= createHighlighter({ themes: [CODE_THEME], langs: [] });
  const highlighter = await highlighterPromise;
  const wanted = new Set([...text.matchAll(/^\s{0,3}(?:`{3,}|~{3,})\s*\{?\s*\.?([\w+#-]+)/gm)].map((m) => m[1]?.toLowerCase() ?? ''));
  const missing = [...wanted].filter((l) => l in bundledLanguages && !highlighter.getLoadedLanguages().includes(l));
  if (missing.length) await highlighter.loadLanguage(...(missing as (keyof typeof bundledLanguages)[]));
  return highlighter;
}

/** TextMate's font style bits, as in a token's `fontStyle`. */
const FontStyle = { Italic: 1, Bold: 2, Underline: 4, Strikethrough: 8 } as const;

const escapeText = (s: string) => s.replace(/&/g, '&#x26;').replace(/</g, '&#x3C;');
const escapeAttr = (s: string) => s.replace(/&/g, '&#x26;').replace(/"/g, '&#x22;');

const decorated = (t: ThemedToken) => !!t.fontStyle && (t.fontStyle & (FontStyle.Underline | FontStyle.Strikethrough)) !== 0;

/** Shiki's `mergeWhitespaces`: a whitespace-only token joins the token after it (fewer spans, same look). */
function mergeWhitespace(line: ThemedToken[]): ThemedToken[] {
  const merged: ThemedToken[] = [];
  let carry = '';
  let carryOffset = 0;
  line.forEach((token, i) => {
    const canMerge = !decorated(token);
    if (canMerge && /^\s+$/.test(token.content) && line[i + 1]) {
      if (!carry) carryOffset = token.offset;
      carry += token.content;
    } else if (carry) {
      if (canMerge) merged.push({ ...token, offset: carryOffset, content: carry + token.content });
      else merged.push({ content: carry, offset: carryOffset }, token);
      carry = '';
    } else merged.push(token);
  });
  return merged;
}

function tokenStyle(t: ThemedToken): string {
  const parts: string[] = [];
  if (t.color) parts.push(`color:${t.color}`);
  if (t.bgColor) parts.push(`background-color:${t.bgColor}`);
  if (t.fontStyle) {
    if (t.fontStyle & FontStyle.Italic) parts.push('font-style:italic');
    if (t.fontStyle & FontStyle.Bold) parts.push('font-weight:bold');
    const lines = [t.fontStyle & FontStyle.Underline && 'underline', t.fontStyle & FontStyle.Strikethrough && 'line-through'].filter(
      Boolean,
    );
    if (lines.length) parts.push(`text-decoration:${lines.join(' ')}`);
  }
  return parts.join(';');
}

/**
 * Highlighted code as HTML, at build time: the same markup as Shiki's `codeToHtml` (a test compares
 * them), written straight from the tokens. `codeToHtml` builds a HAST tree and serializes it, which
 * was a fifth of the time spent on code and a tenth of compiling a code-heavy deck.
 */
export function highlightToHtml(highlighter: Highlighter, code: string, lang: string): string {
  const key = `${lang}\n${code}`;
  const cached = highlighted.get(key);
  if (cached !== undefined) return cached;
  const html = tokensToHtml(highlighter, code, lang);
  highlighted.set(key, html);
  return html;
}

const highlighted = renderCache(2000);

/**
 * Longest Shiki may spend on one line before leaving the rest of it plain. Its default (0.5 s) is hit
 * by the first line of a language on a loaded machine (the grammar's regexes compile then), so a busy
 * build came out with unhighlighted lines; at build time a longer bound only guards against runaways.
 */
export const TOKENIZE_TIME_LIMIT = 10_000;

/** A highlighted block cut into lines: each line's inner HTML, and the `<pre>`'s class and style. */
export interface HighlightedLines {
  lines: string[];
  preClass: string;
  preStyle: string;
}

/** The code's lines as highlighted HTML (the markup of `highlightToHtml` before it is joined), for code walkthroughs. */
export function highlightLines(highlighter: Highlighter, code: string, lang: string): HighlightedLines {
  const { tokens, fg, bg, themeName } = highlighter.codeToTokens(code, { lang, theme: CODE_THEME, tokenizeTimeLimit: TOKENIZE_TIME_LIMIT });
  const lines = tokens.map((line) =>
    mergeWhitespace(line)
      .map((t) => {
        const style = tokenStyle(t);
        return `<span${style ? ` style="${escapeAttr(style)}"` : ''}>${escapeText(t.content)}</span>`;
      })
      .join(''),
  );
  return { lines, preClass: `shiki ${escapeAttr(themeName ?? '')}`, preStyle: `background-color:${bg};color:${fg}` };
}

/** Code in no language Shiki knows: the same line structure, unhighlighted. */
export function plainLines(code: string): HighlightedLines {
  return { lines: code.split('\n').map(escapeText), preClass: 'lectern-plain-code', preStyle: '' };
}

function tokensToHtml(highlighter: Highlighter, code: string, lang: string): string {
  const { lines, preClass, preStyle } = highlightLines(highlighter, code, lang);
  const body = lines.map((line) => `<span class="line">${line}</span>`).join('\n');
  return `<pre class="${preClass}" style="${escapeAttr(preStyle)}" tabindex="0"><code>${body}</code></pre>`;
}
