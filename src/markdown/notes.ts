import type { SlideSource } from '../model/types.js';
import { fenceTracker } from './fences.js';

const NOTE_LINE = /^\s*notes?\s*:\s?(.*)$/i;
/** `::: notes`, `:::notes`, `:::: {.notes}`, `::: {.notes} :::` (pandoc's fenced div forms). */
const NOTES_OPEN = /^\s*:{3,}\s*(?:\.?notes|\{\s*\.notes\s*\})\s*:*\s*$/;
const CONTAINER_OPEN = /^\s*:{3,}\s*\S/;
const CONTAINER_CLOSE = /^\s*:{3,}\s*$/;

/**
 * Moves speaker notes out of the slide body: a `Note:` / `Notes:` line and everything after it,
 * and every `::: notes` … `:::` block. Removed body lines are blanked to keep line numbers.
 */
export function extractNotes(slide: SlideSource, notesSeparator?: string): SlideSource {
  const noteLine = notesSeparator ? new RegExp(`(?:${notesSeparator})([\\s\\S]*)$`, 'i') : NOTE_LINE;
  const lines = slide.body.split('\n');
  const notes: string[] = [];
  let notesLine = 0;
  const inFence = fenceTracker();
  let depth = 0; // inside a ::: notes block: nesting depth of ::: containers
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (depth > 0) {
      if (!inFence(line)) {
        if (CONTAINER_CLOSE.test(line)) depth -= 1;
        else if (CONTAINER_OPEN.test(line)) depth += 1;
      }
      if (depth > 0) notes.push(line);
      lines[i] = '';
      continue;
    }
    if (inFence(line)) continue;
    if (NOTES_OPEN.test(line)) {
      depth = 1;
      notesLine ||= slide.line + i + 1;
      lines[i] = '';
      continue;
    }
    const m = noteLine.exec(line);
    if (m) {
      notesLine ||= slide.line + i;
      notes.push(m[1] ?? '', ...lines.slice(i + 1));
      const before = notesSeparator ? line.slice(0, m.index) : '';
      for (let j = i; j < lines.length; j++) lines[j] = '';
      lines[i] = before;
      break;
    }
  }
  const text = notes.join('\n').trim();
  const all = [slide.notes, text].filter(Boolean).join('\n\n');
  return { ...slide, body: lines.join('\n'), notes: all, notesLine: slide.notesLine || (text ? notesLine : 0) };
}
