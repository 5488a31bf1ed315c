import type MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { parseFragment, type DefaultTreeAdapterTypes as T } from 'parse5';
import { WALK, walkStepSpans } from '../../model/page.js';
import { readWalkInfo, type WalkInfo } from '../code-walk-info.js';
import { type RenderEnv, report, tokenLine } from '../env.js';
import { type HighlightedLines, type Highlighter, highlightLines, plainLines } from '../highlight.js';
import { highlightsNothing, type LineGroup, parseLineSteps } from '../line-ranges.js';
import { ELEMENT_COMMENT } from './element-attrs.js';

/** What the rules leave on a walkthrough's token for the renderer. */
interface WalkMeta {
  walk: WalkInfo;
  groups?: LineGroup[];
}

const walkOf = (token: Token): WalkMeta | undefined => (token.meta as { walk?: WalkInfo } | null)?.walk && (token.meta as WalkMeta);

/** A block numbered because the deck numbers every block (`lineNumbers: true`). */
const NUMBERED = { numbers: true, start: 1, specByShownNumber: false } as const;

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/** The code's lines as the page shows them: without the newline that ends the block. */
const codeOf = (token: Token): string => token.content.replace(/\r?\n$/, '');

/** `<pre><code data-line-numbers="1|3-4" class="language-js">…</code></pre>` as reveal.js writes it: its code and options. */
function rawCodeBlock(html: string): { lang: string; code: string; walk: WalkInfo } | undefined {
  const nodes = parseFragment(html).childNodes.filter((n) => !(n.nodeName === '#text' && !(n as T.TextNode).value.trim()));
  const pre = nodes.length === 1 && nodes[0]?.nodeName === 'pre' ? (nodes[0] as T.Element) : undefined;
  const inner = pre?.childNodes.filter((n) => !(n.nodeName === '#text' && !(n as T.TextNode).value.trim()));
  const code = inner?.length === 1 && inner[0]?.nodeName === 'code' ? (inner[0] as T.Element) : undefined;
  if (!code || code.childNodes.some((n) => n.nodeName !== '#text')) return undefined;
  const attr = (name: string) => code.attrs.find((a) => a.name === name)?.value;
  const spec = attr('data-line-numbers');
  if (spec === undefined) return undefined;
  const classes = (attr('class') ?? '').split(/\s+/).filter(Boolean);
  const lang =
    classes.map((c) => /^(?:language|lang)-(.+)$/.exec(c)?.[1]).find(Boolean) ??
    classes.find((c) => c !== 'hljs') ??
    attr('data-lang') ??
    '';
  let text = code.childNodes.map((n) => (n as T.TextNode).value).join('');
  // reveal's data-trim: surrounding blank lines and the indentation the HTML gave the code go.
  if (attr('data-trim') !== undefined) {
    const lines = text
      .replace(/^\s*\n/, '')
      .replace(/\n\s*$/, '')
      .split('\n');
    const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^[ \t]*/.exec(l)?.[0].length ?? 0));
    text = lines.map((l) => l.slice(Number.isFinite(indent) ? indent : 0)).join('\n');
  }
  const start = Number(attr('data-ln-start-from') ?? 1) || 1;
  return {
    lang,
    code: `${text}\n`,
    walk: { ...(spec.trim() ? { spec } : {}), numbers: true, start, specByShownNumber: false, info: lang },
  };
}

/** reveal's `<!-- .element: data-line-numbers="1|3" -->` after a fence (element-attrs put it on the token). */
function fromElementComment(token: Token): void {
  const spec = token.attrGet('data-line-numbers');
  if (spec === null || /^\s*mermaid\b/.test(token.info)) return;
  const start = Number(token.attrGet('data-ln-start-from') ?? 1) || 1;
  token.attrs = (token.attrs ?? []).filter(([k]) => k !== 'data-line-numbers' && k !== 'data-ln-start-from');
  const walk: WalkInfo = { ...(spec.trim() ? { spec } : {}), numbers: true, start, specByShownNumber: false, info: token.info };
  token.meta = { ...(token.meta ?? {}), walk };
}

/** A line's attributes: the groups that highlight it, whether reading mode marks it, the label of a run that starts here. */
function lineAttrs(n: number, groups: readonly LineGroup[]): string {
  const inGroup = (g: LineGroup | undefined, line: number) => !!g && (g.all || g.lines.includes(line));
  const member = groups.flatMap((g, k) => (inGroup(g, n) ? [k + 1] : []));
  const marked = groups.some((g) => !g.all && g.lines.includes(n));
  const starts = groups.flatMap((g, k) => (!g.all && g.lines.includes(n) && !g.lines.includes(n - 1) ? [k + 1] : []));
  return (
    ` ${WALK.groupsAttr}="${member.join(' ')}"` +
    (marked ? ` ${WALK.markAttr}` : '') +
    (starts.length && groups.length > 1 ? ` ${WALK.labelAttr}="${starts.join(',')}"` : '')
  );
}

/** The walkthrough's markup: step spans, then the `<pre>` with one span per line (numbered by a CSS counter). */
export function walkHtml(hl: HighlightedLines, walk: WalkInfo, groups: readonly LineGroup[] | undefined): string {
  const stepping = groups && !highlightsNothing(groups) ? groups : undefined;
  const last = walk.start + hl.lines.length - 1;
  const style = [
    hl.preStyle,
    ...(walk.numbers ? [`counter-reset:${WALK.counter} ${walk.start - 1}`, `--lectern-ln-digits:${String(last).length}`] : []),
  ]
    .filter(Boolean)
    .join(';');
  const cls = `${hl.preClass}${walk.numbers ? ` ${WALK.numbersClass}` : ''}`;
  const lines = hl.lines.map((html, i) => `<span class="line"${stepping ? lineAttrs(i + 1, stepping) : ''}>${html}</span>`).join('\n');
  const pre = `<pre class="${escapeAttr(cls)}"${style ? ` style="${escapeAttr(style)}"` : ''} tabindex="0"><code>${lines}</code></pre>`;
  if (!stepping) return `${pre}\n`;
  return `<div class="${WALK.className}">${walkStepSpans(stepping.length)}${pre}</div>\n`;
}

/**
 * Code walkthroughs: line steps and line numbers of fenced code (every tool's syntax, see code-walk-info.ts) and
 * of reveal.js's raw `<pre><code data-line-numbers>` blocks, highlighted by Shiki at build time. Each step is a
 * fragment; which lines are dimmed follows from CSS (see model/code-walk.ts). Ranges that do not fit the code are
 * reported at the fence's line and left out; the code is always shown.
 */
export function codeWalkPlugin(md: MarkdownIt, highlighter?: Highlighter): void {
  // Before the attribute rules: `{1|3}` and `code-line-numbers="…"` must not be read as attributes.
  md.core.ruler.before('lectern_attrs_guard', 'lectern_walk_read', (state) => {
    const env = state.env as RenderEnv;
    const numberAll = env.meta?.lineNumbers === true;
    for (const token of state.tokens) {
      if (token.type === 'fence' && !/^\s*\{?\s*\.?mermaid\b/.test(token.info)) {
        const walk = readWalkInfo(token.info, token.content) ?? (numberAll ? { ...NUMBERED, info: token.info } : undefined);
        if (!walk) continue;
        if (numberAll && !walk.noNumbers) walk.numbers = true;
        token.info = walk.info;
        token.meta = { ...(token.meta ?? {}), walk };
        if (walk.ignored?.length)
          report(
            env,
            tokenLine(env, token),
            'warning',
            `code block options ${walk.ignored.map((k) => `\`${k}\``).join(', ')} are not supported and are left out`,
            'the steps follow the slide in document order and the block is shown at its full height',
            'code-option-ignored',
          );
      } else if (token.type === 'html_block' && /data-line-numbers/i.test(token.content) && !ELEMENT_COMMENT.test(token.content)) {
        const raw = rawCodeBlock(token.content);
        if (raw) {
          Object.assign(token, { type: 'fence', tag: 'code', markup: '```', info: raw.lang, content: raw.code });
          token.meta = { ...(token.meta ?? {}), walk: raw.walk };
        } else
          report(
            env,
            tokenLine(env, token),
            'warning',
            '`data-line-numbers` here are not stepped through: the code is shown whole',
            'write the block as `<pre><code data-line-numbers="1|3-4">…</code></pre>` alone in its HTML block (blank lines around it, no tags inside the code), or as a fence: ```js [1|3-4]',
            'dialect-line-numbers',
          );
      }
    }
  });
  // After them (Quarto's `#|` cell options are gone by then, `<!-- .element: data-line-numbers="…" -->` applied):
  // the ranges checked against the code, once.
  md.core.ruler.after('lectern_element_attrs', 'lectern_walk_check', (state) => {
    const env = state.env as RenderEnv;
    for (const token of state.tokens) {
      if (token.type === 'fence' && !walkOf(token)) fromElementComment(token);
      const meta = token.type === 'fence' ? walkOf(token) : undefined;
      if (meta?.walk.spec === undefined) continue;
      const count = codeOf(token).split('\n').length;
      const { groups, problems } = parseLineSteps(meta.walk.spec, count, { first: meta.walk.specByShownNumber ? meta.walk.start : 1 });
      meta.groups = groups;
      env.walkGroups = Math.max(env.walkGroups ?? 0, groups.length);
      for (const p of problems) report(env, tokenLine(env, token), 'warning', p.message, p.hint, 'code-line-range');
    }
  });
  const fallback = md.renderer.rules.fence;
  md.renderer.rules.fence = (tokens, idx, options, env, self) => {
    const token = tokens[idx];
    const meta = token && walkOf(token);
    if (!token || !meta) return fallback ? fallback(tokens, idx, options, env, self) : '';
    const lang = (token.info.split(/\s+/)[0] ?? '').toLowerCase();
    const code = codeOf(token);
    const hl =
      highlighter && lang && highlighter.getLoadedLanguages().includes(lang) ? highlightLines(highlighter, code, lang) : plainLines(code);
    return walkHtml(hl, meta.walk, meta.groups);
  };
}
