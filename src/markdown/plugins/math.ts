import { tex } from '@mdit/plugin-tex';
import katex from 'katex';
import type MarkdownIt from 'markdown-it';
import type StateBlock from 'markdown-it/lib/rules_block/state_block.mjs';
import { errorBox, type RenderEnv, report, tokenLine } from '../env.js';
import { renderCache } from '../memo.js';

/** Typeset formulas by display mode and TeX: a lecture writes $\theta$ or $p(y \mid x)$ again and again. */
const typeset = renderCache(2000);

/** Finds the file line of a formula by its text; the tex plugin does not pass the token. */
function lineOf(env: RenderEnv, content: string): number {
  const idx = env.source.indexOf(content.trim());
  if (idx < 0) return env.line;
  return env.line + (env.source.slice(0, idx).match(/\n/g)?.length ?? 0);
}

/**
 * Pandoc's `$$…$$` inside a paragraph (`the step is $$x_{t+1} = …$$ at every iteration`): display math
 * where it stands, as pandoc and Quarto typeset it. The tex plugin reads `$$` only on lines of its own.
 */
function displayMathInline(md: MarkdownIt): void {
  md.inline.ruler.before('math_inline_dollar', 'lectern_display_math_inline', (state, silent) => {
    const { src, pos } = state;
    if (!src.startsWith('$$', pos)) return false;
    const end = src.indexOf('$$', pos + 2);
    if (end < 0 || end === pos + 2) return false;
    const content = src.slice(pos + 2, end);
    if (content.includes('\n\n')) return false;
    if (!silent) {
      const token = state.push('math_block', 'math', 0);
      token.content = content;
      token.markup = '$$';
    }
    state.pos = end + 2;
    return true;
  });
}

/**
 * A `$$` line whose formula never closes: the tex plugin would take the rest of the block (the rest of
 * the slide) as math and typeset every word of it in italics. Instead only the `$$` line becomes an
 * error box; what follows is read as Markdown again. Runs before the tex plugin's block rule.
 */
function unclosedDisplayMath(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  const lineText = (n: number) => state.src.slice((state.bMarks[n] ?? 0) + (state.tShift[n] ?? 0), state.eMarks[n]).trimEnd();
  const first = lineText(startLine);
  if (!first.startsWith('$$')) return false;
  if (first.length >= 4 && first.endsWith('$$')) return false;
  if (first.indexOf('$$', 2) > 0) return false; // `$$x$$ and more text`: display math inside a paragraph
  for (let n = startLine + 1; n < endLine; n++) {
    const text = lineText(n);
    if (text && (state.tShift[n] ?? 0) < state.blkIndent) break;
    if (text.includes('$$')) return false;
  }
  if (silent) return true;
  const token = state.push('lectern_unclosed_math', '', 0);
  token.map = [startLine, startLine + 1];
  token.content = first;
  token.block = true;
  state.line = startLine + 1;
  return true;
}

/** `$…$` and `$$…$$` typeset by KaTeX at build time; errors become a diagnostic and a red box. */
export function mathPlugin(md: MarkdownIt): void {
  // Only successes are cached: an error is reported at each place it occurs.
  md.use(tex, {
    delimiters: 'dollars',
    render: (content: string, displayMode: boolean, env: RenderEnv) => {
      env.hasMath = true;
      const key = `${displayMode ? 'D' : 'I'}${content}`;
      const done = typeset.get(key);
      if (done !== undefined) return done;
      try {
        const html = katex.renderToString(content, { displayMode, throwOnError: true, output: 'htmlAndMathml', strict: 'ignore' });
        typeset.set(key, html);
        return html;
      } catch (err) {
        const message = err instanceof Error ? err.message.replace(/^KaTeX parse error: /, '') : String(err);
        const line = lineOf(env, content);
        report(env, line, 'error', `math: ${message}`, 'check the LaTeX between the $ signs; KaTeX supports most of amsmath', 'math-error');
        const box = errorBox('Math error', `${content}\n${message}`, { file: env.file, line });
        return displayMode
          ? box
          : `<code class="lectern-error-inline" title="${message.replace(/"/g, '&quot;')}">${content.replace(/</g, '&lt;')}</code>`;
      }
    },
  });
  displayMathInline(md);
  md.block.ruler.before('math_block_dollar', 'lectern_unclosed_math', unclosedDisplayMath, {
    alt: ['paragraph', 'reference', 'blockquote', 'list'],
  });
  md.renderer.rules.lectern_unclosed_math = (tokens, idx, _options, env: RenderEnv) => {
    const line = tokenLine(env, tokens[idx]);
    const message = `\`$$\` opened on line ${line} is never closed`;
    report(
      env,
      line,
      'error',
      message,
      'end the formula with a line `$$`; until then it is left out and the rest of the slide shown as text',
      'math-unclosed',
    );
    return errorBox('Math error', `${tokens[idx]?.content ?? '$$'}\n${message}`, { file: env.file, line });
  };
}
