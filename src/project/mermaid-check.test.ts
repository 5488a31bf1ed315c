import { describe, expect, it } from 'vitest';
import { compile, memoryContext } from '../../test/helpers.js';
import { checkDiagrams } from './mermaid-check.js';

describe('checkDiagrams', () => {
  it('passes a valid diagram', async () => {
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
});
