import { describe, expect, it } from 'vitest';
import { CODE_THEME, highlighterFor, highlightToHtml, TOKENIZE_TIME_LIMIT } from './highlight.js';

/** Code that exercises escaping, whitespace merging, empty lines and font styles (Markdown's emphasis). */
const SAMPLES: [string, string][] = [
  ['ts', 'export function f<T>(a: T & "x<y>"): void {\n  // 中文 comment\n\treturn;  \n}\n'],
  ['ts', ''],
  ['ts', '\n\n'],
  [
    'python',
    'def accuracy(preds, labels, top_k=5):\n    hits = sum(1 for p, y in zip(preds, labels) if y in p[:top_k])\n\n    return hits / max(len(labels), 1)\n',
  ],
  ['html', '<a href="x?a=1&amp;b=2" title=\'q"\'>Tom &amp; Jerry</a>\n<!-- comment -->\n'],
  ['css', '.a > .b::before { content: "<&>"; color: #fff !important; }\n'],
  ['bash', 'for f in *.md; do echo "$f" && wc -l < "$f"; done   \n'],
  ['json', '{ "a": [1, 2.5e3, true, null], "b": "\\u003c" }'],
  ['markdown', '# Title\n\n*italic* **bold** ~~gone~~ `code` [link](http://x.y)\n> quote\n'],
  ['diff', '--- a\n+++ b\n@@ -1 +1 @@\n-old\n+new\n'],
  ['latex', '\\begin{align} a &= b \\\\ c &< d \\end{align}\n'],
  ['rust', 'fn main() { let s: &str = "hi"; println!("{s}"); }\n'],
];

describe('highlightToHtml', () => {
  it("writes exactly what Shiki's codeToHtml writes", async () => {
    const langs = [...new Set(SAMPLES.map(([l]) => l))];
    const highlighter = await highlighterFor(langs.map((l) => `\`\`\`${l}\n\`\`\``).join('\n'));
    for (const [lang, code] of SAMPLES) {
      expect(highlightToHtml(highlighter, code, lang), `${lang}: ${JSON.stringify(code.slice(0, 30))}`).toBe(
        highlighter.codeToHtml(code, { lang, theme: CODE_THEME, tokenizeTimeLimit: TOKENIZE_TIME_LIMIT }),
      );
    }
  }, 60_000); // loading a dozen grammars takes seconds on a busy machine

  it('styles Markdown emphasis in code (font styles reach the markup)', async () => {
    const highlighter = await highlighterFor('```markdown\n```');
    const html = highlightToHtml(highlighter, '*italic* and **bold**', 'markdown');
    expect(html).toContain('font-style:italic');
    expect(html).toContain('font-weight:bold');
  });
});
