import { describe, expect, it } from 'vitest';
import { highlightsNothing, parseLineSteps } from './line-ranges.js';

const lines = (...ns: number[]) => ({ all: false, lines: ns });

const ALL = { all: true };

describe('line step specs', () => {
  it('reads groups of lines and ranges, one per step', () => {
    expect(parseLineSteps('1|3-4|6', 6)).toEqual({ groups: [lines(1), lines(3, 4), lines(6)], problems: [] });
    expect(parseLineSteps(' 2, 5-6 | 1 ', 6).groups).toEqual([lines(2, 5, 6), lines(1)]);
  });

  it('an empty group, all and * light every line (Quarto `|2-3`, Slidev `{2|all}`); none and 0 light none, as Slidev', () => {
    expect(parseLineSteps('|2-3', 4).groups).toEqual([ALL, lines(2, 3)]);
    expect(parseLineSteps('2|all|*|none|0', 4).groups).toEqual([lines(2), ALL, ALL, lines(), lines()]);
    expect(highlightsNothing(parseLineSteps('all', 3).groups)).toBe(true);
    expect(highlightsNothing(parseLineSteps('', 3).groups)).toBe(true);
    expect(highlightsNothing(parseLineSteps('2', 3).groups)).toBe(false);
  });

  it('a range past the end is reported and clipped; the rest of the steps stay', () => {
    const { groups, problems } = parseLineSteps('1|3-9|12', 4);
    expect(groups).toEqual([lines(1), lines(3, 4), ALL]);
    expect(problems.map((p) => p.message)).toEqual([
      '`3-9` in the line steps `1|3-9|12` is past the end of the code: it has 4 lines (1-4)',
      '`12` in the line steps `1|3-9|12` is past the end of the code: it has 4 lines (1-4)',
    ]);
    expect(problems[0]?.hint).toContain('name lines 1-4');
  });

  it('malformed parts are reported and left out, a backwards range is read forwards', () => {
    const { groups, problems } = parseLineSteps('1|x|4-2|-2', 5);
    expect(groups).toEqual([lines(1), ALL, lines(2, 3, 4), ALL]);
    expect(problems.map((p) => p.message)).toEqual([
      '`x` in the line steps `1|x|4-2|-2` is not a line or a range of lines',
      'the range `4-2` in `1|x|4-2|-2` runs backwards',
      '`-2` in the line steps `1|x|4-2|-2` is not a line or a range of lines',
    ]);
    expect(problems[1]?.hint).toBe('write it as 2-4');
  });

  it("Slidev's `3-` runs to the last line, `;` separates lines too; `hide` is a warning and shows the code", () => {
    expect(parseLineSteps('3-|1;2', 5).groups).toEqual([lines(3, 4, 5), lines(1, 2)]);
    expect(parseLineSteps('7-', 5).problems[0]?.message).toContain('past the end');
    const hidden = parseLineSteps('hide|1', 2);
    expect(hidden.groups).toEqual([ALL, lines(1)]);
    expect(hidden.problems[0]?.message).toBe('`hide` in the line steps `hide|1` is not supported: the code is shown at that step');
  });

  it('Slidev startLine: lines are named by the numbers shown', () => {
    expect(parseLineSteps('6,7', 6, { first: 5 }).groups).toEqual([lines(2, 3)]);
    const { problems } = parseLineSteps('2', 3, { first: 5 });
    expect(problems[0]?.message).toBe('`2` in the line steps `2` is past the end of the code: it has 3 lines (5-7)');
  });
});
