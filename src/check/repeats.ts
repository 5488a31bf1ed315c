import type { Diagnostic } from '../model/types.js';

/** A Mermaid fence: where it starts and how many lines of the deck file it spans. */
export interface FenceSpan {
  file: string;
  line: number;
  lines: number;
}

/**
 * Visual findings that repeat a build-time diagnostic are dropped: an error box for a problem already
 * reported at that line, a diagram failure the Mermaid syntax check already located inside its fence.
 * Matched by rule id (`code`) and location, never by the wording of a message.
 */
export function withoutRepeats(visual: Diagnostic[], build: Diagnostic[], diagrams: FenceSpan[]): Diagnostic[] {
  return visual.filter((v) => {
    if (v.code === 'error-shown') return !build.some((b) => b.file === v.file && b.line === v.line && b.severity === 'error');
    if (v.code === 'diagram-error') {
      const fence = diagrams.find((d) => d.file === v.file && d.line === v.line);
      const end = v.line + (fence?.lines ?? 0);
      return !build.some((b) => b.file === v.file && b.code === 'mermaid-syntax' && b.line >= v.line && b.line <= end);
    }
    return true;
  });
}
