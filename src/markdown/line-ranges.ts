/**
 * Line step specs of code walkthroughs: `1|3-4|6`, `|2-3` (all lines first), `2,5-6`, Slidev's `all`/`*`/`none`.
 * Pure: the text of the spec and the number of lines of the code in, the groups and the problems out.
 */

/** The lines one group lights (1-based, in the block; none for Slidev's `none`), or every line (`all`, `*`, an empty group). */
export type LineGroup = { all: true } | { all: false; lines: number[] };

export interface LineProblem {
  message: string;
  hint: string;
}

export interface LineSteps {
  groups: LineGroup[];
  problems: LineProblem[];
}

export interface LineStepOptions {
  /**
   * The number the spec gives the block's first line: Slidev's `startLine` names lines by the numbers shown
   * (`{6,7}{startLine:5}` is the second and third line); reveal's `[712: 1-3]` counts from the block (offset 1).
   */
  first?: number;
}

const ALL = new Set(['all', '*']);
/** Slidev: no line lit, every line dimmed. */
const NONE = new Set(['none', '0']);
/** A line, a range, or a range to the end (Slidev's `5-`). */
const PART = /^(\d+)(?:\s*-\s*(\d*))?$/;
const HINT_SYNTAX = 'write lines as 3, ranges as 3-5, lines of one step with commas (1,3-4), steps separated by | ({1|3-4|6})';

/** Reads `spec` for code of `lineCount` lines. Never throws: what cannot be read is a problem and is left out. */
export function parseLineSteps(spec: string, lineCount: number, options: LineStepOptions = {}): LineSteps {
  const first = options.first ?? 1;
  const problems: LineProblem[] = [];
  const last = first + lineCount - 1;
  const groups = spec.split('|').map((text): LineGroup => {
    const parts = text
      .split(/[,;]/)
      .map((p) => p.trim())
      .filter(Boolean);
    if (!parts.length) return { all: true };
    const lines = new Set<number>();
    let all = false;
    let none = false;
    for (const part of parts) {
      if (ALL.has(part.toLowerCase())) {
        all = true;
        continue;
      }
      if (NONE.has(part.toLowerCase())) {
        none = true;
        continue;
      }
      if (part.toLowerCase() === 'hide') {
        problems.push({
          message: `\`hide\` in the line steps \`${spec}\` is not supported: the code is shown at that step`,
          hint: 'put the code block in a `::: fragment` to make it appear on a step, or remove `hide`',
        });
        all = true;
        continue;
      }
      const m = PART.exec(part);
      if (!m?.[1]) {
        problems.push({ message: `\`${part}\` in the line steps \`${spec}\` is not a line or a range of lines`, hint: HINT_SYNTAX });
        continue;
      }
      let from = Number(m[1]);
      let to = m[2] === undefined ? from : m[2] === '' ? Math.max(last, from) : Number(m[2]);
      if (to < from) {
        problems.push({ message: `the range \`${part}\` in \`${spec}\` runs backwards`, hint: `write it as ${to}-${from}` });
        [from, to] = [to, from];
      }
      if (to > last || from < first) {
        const shown = first === 1 ? `1-${lineCount}` : `${first}-${last}`;
        problems.push({
          message: `\`${part}\` in the line steps \`${spec}\` is past the end of the code: it has ${lineCount} line${lineCount === 1 ? '' : 's'} (${shown})`,
          hint: `name lines ${shown}; count from the first line of the code block, not from the fence`,
        });
      }
      for (let n = Math.max(from, first); n <= Math.min(to, last); n++) lines.add(n - first + 1);
    }
    if (all) return { all: true };
    if (none && !lines.size) return { all: false, lines: [] };
    // A group left with no line it can light (all its lines were wrong) shows the code plain rather than dim.
    if (!lines.size) return { all: true };
    return { all: false, lines: [...lines].sort((a, b) => a - b) };
  });
  return { groups, problems };
}

/** True when the groups do nothing: one group of every line (numbers alone may still be asked for). */
export const highlightsNothing = (groups: readonly LineGroup[]): boolean => groups.length === 1 && groups[0]?.all === true;
