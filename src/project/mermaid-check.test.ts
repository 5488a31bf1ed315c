import { describe, expect, it } from 'vitest';
import { compile, memoryContext } from '../../test/helpers.js';
import type { Diagnostic } from '../model/types.js';
import { checkDiagrams } from './mermaid-check.js';
import { formatDiagnostic } from './store.js';

describe('checkDiagrams', () => {
  it('passes a valid diagram', { timeout: 60_000 }, async () => {
    const deck = await compile('---\ntitle: T\n---\n```mermaid\nflowchart TB\n  a --> b\n```');
    expect(await checkDiagrams(deck)).toEqual([]);
  });

  it('reports a syntax error at its line in the slide file', async () => {
    const deck = await compile('---\ntitle: T\n---\n# ok\n\n```mermaid\nflowchart TB\n  a --> b\n  b -->> c[[[x\n```');
    const [problem] = await checkDiagrams(deck);
    expect(problem).toMatchObject({ file: 'slides/deck.md', line: 9, severity: 'error' });
    expect(problem?.message).toMatch(/^mermaid: Parse error/);
  });

  it('names the .mmd line when the error is in a shared source', async () => {
    const ctx = memoryContext({ 'assets/bad.mmd': 'flowchart TB\n  a --> b\n  b --> [[[' });
    const deck = await compile('---\ntitle: T\n---\n```mermaid src="bad.mmd"\n```', ctx);
    const [problem] = await checkDiagrams(deck);
    expect(problem).toMatchObject({ line: 4, severity: 'error' });
    expect(problem?.message).toContain('(assets/bad.mmd:3)');
  });

  it('counts the .mmd lines Mermaid drops before parsing (%% comments, directives, front matter)', async () => {
    const mmd =
      '%% The training loop\n%% drawn left to right\n\n%%{init: {"theme": "base"}}%%\nflowchart LR\n  a --> b\n  %% a comment inside\n  b -->> ]]';
    const ctx = memoryContext({ 'assets/loop.mmd': mmd });
    const deck = await compile('---\ntitle: T\n---\n```mermaid src="loop.mmd"\n```', ctx);
    const [problem] = await checkDiagrams(deck);
    expect(problem?.message).toContain('(assets/loop.mmd:8)');
    // The same inside a fence: line 9 of the file is `b -->> ]]`.
    const inline = await compile(`---\ntitle: T\n---\n\`\`\`mermaid\n${mmd}\n\`\`\``);
    expect((await checkDiagrams(inline))[0]?.line).toBe(12);
  });

  it('keeps the excerpt of the source that the error box shows, for the terminal', async () => {
    const deck = await compile('---\ntitle: T\n---\n```mermaid\nflowchart TB\n  a --> b\n  b -->> ]]\n```');
    const [problem] = await checkDiagrams(deck);
    expect(problem?.detail).toMatch(/b -->> \]\]\n-+\^/);
    expect(formatDiagnostic(problem as Diagnostic)).toMatch(/error: mermaid: Parse error.*\n {4}.*b -->> \]\]\n {4}-+\^\n {4}hint: /);
  });
});
