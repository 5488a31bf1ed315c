import type MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { QA } from '../../model/page.js';
import type { RenderEnv } from '../env.js';
import { isDivWith } from './containers.js';

const Q = /^\s*Q\s*[:：]/;
const A = /^\s*A\s*[:：]/;
/** An `A:` paragraph with nothing after the label: its answer is the list below. */
const A_ALONE = /^\s*A\s*[:：]\s*$/;

const isFragment = (t: Token | undefined) => (t?.attrGet('class') ?? '').split(/\s+/).includes('fragment');
const step = (t: Token | undefined, extra?: string) => {
  if (!t || isFragment(t)) return;
  t.attrJoin('class', extra ? `fragment ${extra}` : 'fragment');
};

/**
 * Q&A slides step with no markup: each `Q:` paragraph, then its `A:` paragraph, then each item of
 * the answer's list. Also `::: incremental` (or `incremental: true` for the deck) steps list items.
 */
export function stepsPlugin(md: MarkdownIt): void {
  md.core.ruler.push('lectern_steps', (state) => {
    const env = state.env as RenderEnv;
    const tokens = state.tokens;
    const paragraphText = (i: number) => (tokens[i]?.type === 'paragraph_open' ? (tokens[i + 1]?.content ?? '') : '');
    const hasQA = tokens.some((t, i) => t.type === 'paragraph_open' && t.level === 0 && Q.test(paragraphText(i)));
    let inAnswer = false;
    // Innermost wins: `::: incremental` inside a `nonincremental` deck steps, and the other way round.
    const modes: boolean[] = [env.meta.incremental];
    tokens.forEach((t, i) => {
      if (t.type === 'container' && t.nesting === 1) {
        const inc = isDivWith(t, 'lectern-incremental') ? true : isDivWith(t, 'lectern-nonincremental') ? false : (modes.at(-1) ?? false);
        modes.push(inc);
      }
      if (t.type === 'container' && t.nesting === -1 && modes.length > 1) modes.pop();
      const incremental = modes.at(-1) ?? false;
      if (hasQA && t.level === 0 && t.type === 'paragraph_open') {
        const text = paragraphText(i);
        if (Q.test(text)) {
          step(t, QA.questionClass);
          inAnswer = false;
        } else if (
          A_ALONE.test(text) &&
          tokens
            .slice(i + 3)
            .find((n) => n.level === 0)
            ?.type.endsWith('list_open')
        ) {
          // A bare "A:" is not a step of its own (it showed alone): it appears with the list's first item
          // (theme.css shows it when that item is visible).
          t.attrJoin('class', `${QA.answerClass} ${QA.answerLabelClass}`);
          inAnswer = true;
        } else if (A.test(text)) {
          step(t, QA.answerClass);
          inAnswer = true;
        }
      }
      if (t.type === 'list_item_open' && ((hasQA && inAnswer) || incremental)) step(t);
    });
  });
}
