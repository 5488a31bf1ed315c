import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIAGRAM_CHUNKS, diagramKind, MERMAID_DIST, MERMAID_ENTRY, mermaidModules } from './mermaid-modules.js';

const chunkDir = join(MERMAID_DIST, 'chunks', 'mermaid.esm.min');

describe('diagramKind', () => {
  it('takes the first word after front matter, directives and comments', () => {
    expect(diagramKind('flowchart LR\n  a --> b')).toBe('flowchart');
    expect(diagramKind('%%{init: {"theme": "base"}}%%\n%% a comment\n\ngraph TD\n  a')).toBe('graph');
    expect(diagramKind('---\ntitle: Tree\n---\nsequenceDiagram\n  a->>b: hi')).toBe('sequenceDiagram');
    expect(diagramKind('stateDiagram-v2\n  [*] --> A')).toBe('stateDiagram-v2');
    expect(diagramKind('')).toBeUndefined();
    expect(diagramKind('---\ntitle: never closed')).toBeUndefined();
  });
});

describe('mermaidModules', () => {
  it('finds a chunk in the installed Mermaid for every kind it knows (a Mermaid update that renames one fails here)', () => {
    const names = readdirSync(chunkDir);
    for (const [kind, prefix] of Object.entries(DIAGRAM_CHUNKS)) {
      expect(
        names.some((n) => n.startsWith(prefix) && /^[A-Z0-9]+\.mjs$/.test(n.slice(prefix.length))),
        `${kind} → ${prefix}*`,
      ).toBe(true);
    }
  });

  it('lists the entry, the flowchart chunk and dagre, each with everything it imports statically', async () => {
    const files = await mermaidModules(['flowchart']);
    expect(files[0]).toBe(MERMAID_ENTRY);
    expect(files.some((f) => /\/flowDiagram-[A-Z0-9]+\.mjs$/.test(f))).toBe(true);
    expect(files.some((f) => /\/dagre-[A-Z0-9]+\.mjs$/.test(f))).toBe(true);
    expect(files.some((f) => /\/sequenceDiagram-/.test(f))).toBe(false);
    let checked = 0;
    for (const f of files) {
      expect(existsSync(join(MERMAID_DIST, f)), f).toBe(true);
      // Closed under static imports: nothing the browser finds by itself is missing from the list.
      const text = readFileSync(join(MERMAID_DIST, f), 'utf8');
      for (const m of text.matchAll(/(?:^|;)import(?:\{[^}]*\}from)?"(\.\/[^"]+\.mjs)"/g)) {
        const dep = join(f.includes('/') ? f.slice(0, f.lastIndexOf('/')) : '', m[1] as string);
        expect(files, `${f} imports ${dep}`).toContain(dep);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(files.length);
  });

  it('adds nothing for kinds it does not know, and nothing twice', async () => {
    const entryOnly = await mermaidModules([]);
    const unknown = await mermaidModules(['mindmap', 'no-such-kind']);
    expect(unknown).toEqual(entryOnly);
    const both = await mermaidModules(['flowchart', 'graph', 'sequenceDiagram']);
    expect(new Set(both).size).toBe(both.length);
    expect(both.some((f) => /\/sequenceDiagram-/.test(f))).toBe(true);
  });
});
