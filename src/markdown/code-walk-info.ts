/**
 * What a code fence's info string asks of its lines, in each tool's own words:
 *
 * - Slidev: ` ```ts {1|3-4|all} `, ` ```ts{2,3} `, `{…}{lines:true,startLine:5}` (numbers shown only when asked)
 * - reveal.js's Markdown plugin / reveal-md: ` ```js [1|3-4] `, ` ```js [712: 1-3|5] ` (always numbered, as reveal does)
 * - Quarto: ` ```{.python code-line-numbers="1|3-4"} ` (numbered), `code-line-numbers="true"`, and the cell option
 *   `#| code-line-numbers: "|1|2"` inside ` ```{r} ` chunks
 * - line numbers alone: `showLineNumbers` (rehype-pretty-code, Docusaurus), `{.line-numbers}`, pandoc's
 *   `{.numberLines startFrom="5"}`
 *
 * Pure: the info string (and the code, for Quarto's cell option) in; the spec, the numbering and the info string
 * without what was read out. Ranges are checked against the code later (line-ranges.ts).
 */

export interface WalkInfo {
  /** The step spec as written (`1|3-4|6`), when there is one. */
  spec?: string;
  /** Show line numbers. */
  numbers: boolean;
  /** Numbers were turned off for this block (Slidev's `lines:false`), whatever the deck says. */
  noNumbers?: boolean;
  /** Slidev options read but not honoured (`at`, `maxHeight`, …). */
  ignored?: string[];
  /** The number of the first line. */
  start: number;
  /** The spec names lines by the numbers shown (Slidev's `startLine`) rather than from the block's first line. */
  specByShownNumber: boolean;
  /** The info string with what was read removed (the language and any other attributes stay). */
  info: string;
}

const REVEAL = /\s*\[\s*(?:(\d+)\s*:\s*)?([^\]="']*)\]/;
/** Quarto's attribute, or reveal's own name for it in an attribute list (` ```js {data-line-numbers="1|3"} `). */
const QUARTO = /\s*\b(?:code|data)-line-numbers\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s}"']+))/;
const NUMBER_CLASS = /\s*\.(?:line-numbers|numberLines|number-lines)\b/;
const START_FROM = /\s*\b(?:startFrom|start-from|data-ln-start-from)\s*=\s*"?(\d+)"?/;
const SHOW_NUMBERS = /\s*\bshowLineNumbers(?:\{(\d+)\})?/;
/** Slidev's options brace: `{lines:true,startLine:5}` (JavaScript object syntax, keys without quotes). */
const SLIDEV_OPTIONS = /\s*\{(\s*[A-Za-z]\w*\s*:[^{}]*)\}/;
/** Slidev's line brace: no `=`, no `.class`/`#id`, and something that looks like lines: a digit, `|`, `*`, all/none. */
const SLIDEV_LINES = /\{([^{}=.#:"']*(?:\d|\||\*|\ball\b|\bnone\b)[^{}=.#:"']*)\}/;
/** Quarto's cell option, in the code of a ```{r} / ```{python} chunk. */
const CELL_OPTION = /^[ \t]*(?:#|%%|\/\/)\|\s*code-line-numbers:\s*(?:"([^"]*)"|'([^']*)'|(\S+))/m;

/** Quarto's `code-line-numbers` value: true/false switch numbers, anything else is a spec (numbered, as Quarto does). */
function quartoValue(value: string, into: WalkInfo): void {
  const v = value.trim();
  if (/^true$/i.test(v)) into.numbers = true;
  else if (!/^false$/i.test(v)) {
    into.spec = v;
    into.numbers = true;
  }
}

/** Reads the walkthrough options of a fence, or returns undefined when it asks for none (its info is then untouched). */
export function readWalkInfo(rawInfo: string, code = ''): WalkInfo | undefined {
  const out: WalkInfo = { numbers: false, start: 1, specByShownNumber: false, info: rawInfo.trim() };
  let found = false;
  /** Runs `read` on the first match of `re` in what is left of the info string, and removes the match. */
  const take = (re: RegExp, read: (m: RegExpExecArray) => void, when: (m: RegExpExecArray) => boolean = () => true) => {
    const m = re.exec(out.info);
    if (!m || !when(m)) return;
    read(m);
    out.info = (out.info.slice(0, m.index) + out.info.slice(m.index + m[0].length)).trim();
    found = true;
  };
  take(REVEAL, (m) => {
    out.spec = m[2]?.trim() ?? '';
    out.numbers = true;
    if (m[1]) out.start = Number(m[1]);
  });
  take(QUARTO, (m) => quartoValue(m[1] ?? m[2] ?? m[3] ?? '', out));
  take(NUMBER_CLASS, () => {
    out.numbers = true;
  });
  take(START_FROM, (m) => {
    out.start = Number(m[1]);
  });
  take(SHOW_NUMBERS, (m) => {
    out.numbers = true;
    if (m[1]) out.start = Number(m[1]);
  });
  take(
    SLIDEV_OPTIONS,
    (m) => {
      const opts = m[1] ?? '';
      const lines = /\blines\s*:\s*(true|false)/.exec(opts);
      if (lines) out.numbers = lines[1] === 'true';
      if (lines?.[1] === 'false') out.noNumbers = true;
      const others = [...opts.matchAll(/([A-Za-z]\w*)\s*:/g)].map((k) => k[1] ?? '').filter((k) => k !== 'lines' && k !== 'startLine');
      if (others.length) out.ignored = others;
      const startLine = /\bstartLine\s*:\s*(\d+)/.exec(opts);
      if (startLine) {
        out.start = Number(startLine[1]);
        out.specByShownNumber = true;
      }
    },
    (m) => m.index > 0,
  );
  take(
    SLIDEV_LINES,
    (m) => {
      out.spec = m[1]?.trim() ?? '';
    },
    (m) => out.spec === undefined && m.index > 0,
  );
  const cell = out.spec === undefined ? CELL_OPTION.exec(code) : null;
  if (cell) {
    quartoValue(cell[1] ?? cell[2] ?? cell[3] ?? '', out);
    found = true;
  }
  // Attribute braces emptied by the above (`{.js .line-numbers}` -> `{.js}`, `{code-line-numbers="1"}` -> `{}`).
  out.info = out.info.replace(/\{\s*\}/g, '').trim();
  return found ? out : undefined;
}
