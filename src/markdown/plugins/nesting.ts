import type MarkdownIt from 'markdown-it';
import type StateBlock from 'markdown-it/lib/rules_block/state_block.mjs';
import { type RenderEnv, report } from '../env.js';

/**
 * markdown-it stops at `maxNesting` levels (lists in lists, quotes in quotes) and silently drops the
 * rest of that block. Deep input must not crash or hang, but the author must hear that text was cut.
 */
export function nestingPlugin(md: MarkdownIt): void {
  const tokenize = md.block.tokenize.bind(md.block);
  const reported = new WeakSet<object>();
  md.block.tokenize = (state: StateBlock, startLine: number, endLine: number) => {
    const first = state.skipEmptyLines(startLine);
    if (state.level >= (md.options as { maxNesting: number }).maxNesting && first < endLine && !reported.has(state.tokens)) {
      reported.add(state.tokens);
      const env = state.env as RenderEnv;
      report(
        env,
        env.line + first,
        'error',
        `nested more than ${Math.floor((md.options as { maxNesting: number }).maxNesting / 2)} levels deep: the text from here on is left out`,
        'flatten the list or quote; a slide cannot show that many levels anyway',
        'nesting-too-deep',
      );
    }
    tokenize(state, startLine, endLine);
  };
}
