import { describe, expect, it } from 'vitest';
import { type Ink, inkOf, serializeInk } from '../model/ink.js';
import { parseInk } from './ink-file.js';

const ids = new Set(['slide-1', 'slide-2', 'slide-2-2']);
const pen = { tool: 'pen' as const, color: '#e0245e', size: 5, points: [10, 20, 0.5, 30.25, 40, 0.75] };
const ink: Ink = { slides: { 'slide-2': [pen, { ...pen, tool: 'highlighter', color: '#ffd400' }] }, board: [[pen], []] };

describe('ink files', () => {
  it('round-trips through the readable file, one stroke per line', () => {
    const text = serializeInk(ink, 'intro');
    const { ink: back, problems } = parseInk(text, ids);
    expect(problems).toEqual([]);
    expect(back.slides['slide-2']?.length).toBe(2);
    expect(back.board.length).toBe(2);
    expect(back.slides['slide-2']?.[0]?.points).toEqual([10, 20, 0.5, 30.3, 40, 0.75]);
    const lines = text.split('\n');
    expect(lines.filter((l) => l.includes('"tool"')).length).toBe(3);
  });

  it('reports each bad stroke at its line and keeps the rest', () => {
    const lines = serializeInk(ink, 'intro').split('\n');
    const i = lines.findIndex((l) => l.includes('highlighter'));
    lines[i] = lines[i]?.replace('"#ffd400"', '"yellow"') ?? '';
    const { ink: back, problems } = parseInk(lines.join('\n'), ids);
    expect(problems).toEqual([{ line: i + 1, message: 'stroke left out: `color` must be like "#e0245e"' }]);
    expect(back.slides['slide-2']?.length).toBe(1);
  });

  it('reports ink for slides the deck no longer has, and broken JSON, with lines', () => {
    const text = serializeInk({ slides: { 'slide-9': [pen] }, board: [] }, 'intro');
    const gone = parseInk(text, ids);
    expect(gone.problems[0]?.message).toMatch(/slide-9, which the deck does not have/);
    expect(gone.problems[0]?.line).toBe(5);
    const broken = parseInk('{\n  "slides": {\n    "slide-1": [ { "tool": "pen", }\n', ids);
    expect(broken.problems[0]?.line).toBe(3);
    expect(broken.problems[0]?.message).toMatch(/not valid JSON/);
    expect(broken.ink).toEqual({ slides: {}, board: [] });
  });

  it('reads stored ink defensively: malformed strokes and points off the slide are dropped', () => {
    const got = inkOf({ slides: { a: [pen, { ...pen, points: [1e9, 0, 0.5] }, 'x'], b: 'nope' }, board: 'no' });
    expect(got).toEqual({ slides: { a: [pen] }, board: [] });
  });
});
