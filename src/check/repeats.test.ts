import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../model/types.js';
import { withoutRepeats } from './repeats.js';

const d = (code: string, line: number, message = 'x'): Diagnostic => ({ code, file: 'slides/a.md', line, severity: 'error', message });

describe('withoutRepeats', () => {
  it('drops an error box at a line the build already reported, whatever either message says', () => {
    const visual = [d('error-shown', 12, 'the slide shows an error: Image missing'), d('error-shown', 20)];
    expect(withoutRepeats(visual, [d('image-missing', 12, 'image `x.png` not found')], [])).toEqual([visual[1]]);
  });

  it('keeps a warning-only build finding from hiding the error box', () => {
    const visual = [d('error-shown', 12)];
    expect(withoutRepeats(visual, [{ ...d('caption-missing', 12), severity: 'warning' }], [])).toEqual(visual);
  });

  it('drops a diagram failure when the syntax check located an error inside that fence only', () => {
    const fence = { file: 'slides/a.md', line: 30, lines: 5 };
    const inside = [d('diagram-error', 30)];
    expect(withoutRepeats(inside, [d('mermaid-syntax', 33, 'mermaid: Parse error')], [fence])).toEqual([]);
    expect(withoutRepeats(inside, [d('mermaid-syntax', 36)], [fence])).toEqual(inside);
    // A message that merely starts like a Mermaid one is not a syntax finding.
    expect(withoutRepeats(inside, [d('other', 31, 'mermaid: lookalike')], [fence])).toEqual(inside);
  });

  it('keeps every other visual finding', () => {
    const visual = [d('overflow', 12), d('text-too-small', 12)];
    expect(withoutRepeats(visual, [d('image-missing', 12)], [])).toEqual(visual);
  });
});
