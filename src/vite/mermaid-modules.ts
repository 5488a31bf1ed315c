import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, posix } from 'node:path';
import { init, parse } from 'es-module-lexer';

/** Mermaid's prebuilt ES module build, which the site build copies to `assets/mermaid/` unchanged. */
export const MERMAID_DIST = join(dirname(createRequire(import.meta.url).resolve('mermaid/package.json')), 'dist');
export const MERMAID_ENTRY = 'mermaid.esm.min.mjs';
const CHUNKS = 'chunks/mermaid.esm.min';

/**
 * The chunk Mermaid imports for each kind of diagram (the first word of its source), by file-name
 * prefix. Only used to start those downloads early: a kind missing here is still drawn, just after
 * one more round trip.
 */
export const DIAGRAM_CHUNKS: Readonly<Record<string, string>> = {
  flowchart: 'flowDiagram-',
  'flowchart-elk': 'flowDiagram-',
  graph: 'flowDiagram-',
  sequenceDiagram: 'sequenceDiagram-',
  classDiagram: 'classDiagram-v2-',
  'classDiagram-v2': 'classDiagram-v2-',
  stateDiagram: 'stateDiagram-v2-',
  'stateDiagram-v2': 'stateDiagram-v2-',
  erDiagram: 'erDiagram-',
  gantt: 'ganttDiagram-',
  pie: 'pieDiagram-',
  journey: 'journeyDiagram-',
  gitGraph: 'gitGraphDiagram-',
  timeline: 'timeline-definition-',
  quadrantChart: 'quadrantDiagram-',
  'xychart-beta': 'xychartDiagram-',
  xychart: 'xychartDiagram-',
  'sankey-beta': 'sankeyDiagram-',
  sankey: 'sankeyDiagram-',
  'block-beta': 'blockDiagram-',
  block: 'blockDiagram-',
  requirementDiagram: 'requirementDiagram-',
  'architecture-beta': 'architectureDiagram-',
  kanban: 'kanban-definition-',
};

/** Kinds Mermaid lays out with dagre (its default layout engine, a chunk of its own). */
const DAGRE_KINDS = new Set([
  'flowchart',
  'graph',
  'classDiagram',
  'classDiagram-v2',
  'stateDiagram',
  'stateDiagram-v2',
  'erDiagram',
  'requirementDiagram',
]);

/** The kind of a Mermaid source: its first word after front matter, directives and comments. */
export function diagramKind(source: string): string | undefined {
  const lines = source.split('\n');
  let i = 0;
  if (lines[0]?.trim() === '---') {
    i = lines.findIndex((l, n) => n > 0 && l.trim() === '---') + 1;
    if (i === 0) return undefined;
  }
  for (; i < lines.length; i++) {
    const line = lines[i]?.trim() ?? '';
    if (line === '' || line.startsWith('%%')) continue;
    return /^[\w-]+/.exec(line)?.[0];
  }
  return undefined;
}

const staticImports = new Map<string, string[]>();

/** Files `file` imports statically (`import … from "./x.mjs"`), as paths relative to `dist`. */
function importsOf(dist: string, file: string): string[] {
  const key = join(dist, file);
  let found = staticImports.get(key);
  if (!found) {
    const [imports] = parse(readFileSync(key, 'utf8'), file);
    found = imports
      .filter((i) => i.d === -1 && i.n?.startsWith('.'))
      .map((i) => posix.normalize(posix.join(posix.dirname(file), i.n as string)));
    staticImports.set(key, found);
  }
  return found;
}

function closure(dist: string, file: string, into: Set<string>): void {
  if (into.has(file) || !existsSync(join(dist, file))) return;
  into.add(file);
  for (const dep of importsOf(dist, file)) closure(dist, dep, into);
}

function chunkNamed(dist: string, prefix: string): string | undefined {
  const dir = join(dist, CHUNKS);
  if (!existsSync(dir)) return undefined;
  const name = readdirSync(dir).find((f) => f.startsWith(prefix) && f.endsWith('.mjs') && /^[A-Z0-9]+\.mjs$/.test(f.slice(prefix.length)));
  return name && `${CHUNKS}/${name}`;
}

/**
 * Every module Mermaid will load to draw diagrams of these kinds: the entry, the chunks it imports,
 * each kind's diagram chunk and the layout engine, each with what it imports. Paths relative to
 * `dist` (so also to `assets/mermaid/` in a built site), entry first. A page that asks for them all
 * at once draws its first diagram without the four-deep chain of imports Mermaid would walk itself.
 */
export async function mermaidModules(kinds: Iterable<string>, dist = MERMAID_DIST): Promise<string[]> {
  await init;
  const files = new Set<string>();
  closure(dist, MERMAID_ENTRY, files);
  if (files.size === 0) return [];
  const wanted = new Set(kinds);
  const chunks = [...wanted].map((k) => DIAGRAM_CHUNKS[k]).filter((p): p is string => !!p);
  if ([...wanted].some((k) => DAGRE_KINDS.has(k))) chunks.push('dagre-');
  for (const prefix of new Set(chunks)) {
    const chunk = chunkNamed(dist, prefix);
    if (chunk) closure(dist, chunk, files);
  }
  return [...files];
}
