import type MarkdownIt from 'markdown-it';
import { DIAGRAM, formatSource, stepSpans } from '../../model/page.js';
import { errorBox, escapeHtml, type RenderEnv, report, tokenLine } from '../env.js';
import { parseAttrList } from '../fences.js';
import { nearMatch } from '../near-match.js';
import { nearAsset } from './links.js';

export interface DiagramOptions {
  src?: string;
  highlight: string[];
  steps: string[][];
  caption?: string;
  /** CSS sizes for the drawing (`width="60%"`, `height="600px"`): a diagram is scaled to fit them. */
  width?: string;
  height?: string;
}

const CSS_SIZE = /^\d+(\.\d+)?(px|%|em|rem|vw|vh)?$/;
const cssSize = (v: string | undefined) => (v && CSS_SIZE.test(v) ? (/^\d+(\.\d+)?$/.test(v) ? `${v}px` : v) : undefined);

export function parseDiagramInfo(info: string): DiagramOptions {
  const attrs = parseAttrList(info.replace(/^\s*mermaid\b/, '').replace(/^\s*\{|\}\s*$/g, ''));
  const ids = (s: string | undefined) => (s ?? '').split(/[\s,]+/).filter(Boolean);
  return {
    ...(attrs.src ? { src: attrs.src } : {}),
    highlight: ids(attrs.highlight),
    steps: (attrs.steps ?? '')
      .split('|')
      .map(ids)
      .filter((g) => g.length > 0),
    ...(attrs.caption ? { caption: attrs.caption } : {}),
    ...(cssSize(attrs.width) ? { width: cssSize(attrs.width) } : {}),
    ...(cssSize(attrs.height) ? { height: cssSize(attrs.height) } : {}),
  };
}

/** Ids a flowchart declares (nodes and subgraphs); enough to warn about a typo in `highlight`/`steps`. */
export function declaredIds(text: string): Set<string> {
  const source = text.replace(/^\s*%%.*$/gm, '');
  const found: [number, string][] = [];
  const add = (re: RegExp) => {
    for (const m of source.matchAll(re)) if (m[1]) found.push([(m.index ?? 0) + m[0].indexOf(m[1]), m[1]]);
  };
  add(/^\s*subgraph\s+([\w-]+)/gm);
  add(/(?:^|[\s&>-])([A-Za-z_][\w-]*)\s*(?:\[|\(|\{|>|:::)/gm);
  add(/(?:-->|---|==>|-\.->)\s*(?:\|[^|]*\|\s*)?([A-Za-z_][\w-]*)/g);
  add(/(?:^|[\s&])([A-Za-z_][\w-]*)\s*(?:-->|---|==>|-\.->)/gm);
  // In source order, so a hint lists them as the author wrote them.
  return new Set(found.sort((a, b) => a[0] - b[0]).map(([, id]) => id));
}

const plainLabel = (text: string) =>
  text
    .replace(/[`*]/g, '')
    .replace(/<br\s*\/?>/gi, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join(', ');

/**
 * A text description of a flowchart, for screen readers (`aria-describedby`): its boxes and arrows
 * with their labels, in source order. Empty for diagrams it cannot read.
 */
export function describeDiagram(source: string): string {
  const text = source.replace(/^\s*%%.*$/gm, '');
  const labels = new Map<string, string>();
  for (const m of text.matchAll(/\bsubgraph\s+([\w-]+)\s*\[\s*"?([^"\]]*)"?\s*\]/g)) if (m[1]) labels.set(m[1], plainLabel(m[2] ?? ''));
  for (const m of text.matchAll(
    /(?:^|[\s&;>|-])([A-Za-z_][\w-]*)\s*(?:\[\[|\[\(|\(\(|\(\[|\{\{|\[|\(|\{|>)\s*(?:"([^"]*)"|([^\])}"\n]*))/g,
  )) {
    const id = m[1];
    if (id && id !== 'subgraph' && !labels.has(id)) labels.set(id, plainLabel(m[2] ?? m[3] ?? ''));
  }
  const arrows: string[] = [];
  for (const m of text.matchAll(
    /([A-Za-z_][\w-]*)(?:\s*:::[\w-]+)?(?:\[[^\]]*\]|\([^)]*\))?\s*(<-->|<==>|<-\.->|-->|==>|-\.->|---|-\.-|===)\s*(?:\|\s*"?([^|"]*)"?\s*\|\s*)?(?=([A-Za-z_][\w-]*))/g,
  )) {
    for (const id of [m[1], m[4]]) if (id && !labels.has(id)) labels.set(id, id);
    const [from, to] = [labels.get(m[1] ?? '') ?? '', labels.get(m[4] ?? '') ?? ''];
    const label = plainLabel(m[3] ?? '');
    const arrow = m[2]?.startsWith('<') ? ' ↔ ' : ' → ';
    arrows.push(`${from ? `${from}${arrow}` : arrow.trimStart()}${to}${label ? ` (${label})` : ''}`);
  }
  const boxes = [...labels.values()].filter(Boolean);
  if (boxes.length === 0) return '';
  return [`Boxes: ${boxes.slice(0, 60).join('; ')}.`, arrows.length ? `Arrows: ${arrows.slice(0, 60).join('; ')}.` : '']
    .filter(Boolean)
    .join(' ');
}

/**
 * ```` ```mermaid src="x.mmd" highlight="a b" steps="a | b c" caption="…" ```` becomes a figure
 * the browser draws lazily. The source (inline or from assets/) travels in the page as text.
 */
export function mermaidPlugin(md: MarkdownIt): void {
  const fallback = md.renderer.rules.fence;
  md.renderer.rules.fence = (tokens, idx, options, env: RenderEnv, self) => {
    const token = tokens[idx];
    if (!token || !/^\s*mermaid\b/.test(token.info)) return fallback ? fallback(tokens, idx, options, env, self) : '';
    env.hasMermaid = true;
    const line = tokenLine(env, token);
    const where = { file: env.file, line };
    const opts = parseDiagramInfo(token.info);
    let source = token.content;
    let srcFile: string | undefined;
    let srcLines = 0;
    if (opts.src) {
      const rel = `assets/${opts.src.replace(/^(\.\.\/)*(assets\/)?/, '')}`;
      const text = env.ctx.readAsset(rel);
      if (text === undefined) {
        const near = nearAsset(env, opts.src);
        report(
          env,
          line,
          'error',
          `diagram source \`${opts.src}\` not found`,
          near ? `did you mean \`${near}\`?` : `put the file at ${rel}`,
          'diagram-source-missing',
        );
        return errorBox('Diagram source missing', rel, where);
      }
      srcFile = rel;
      srcLines = text.trimEnd().split('\n').length;
      source = `${text.trimEnd()}\n${source}`;
    }
    if (!source.trim()) {
      report(env, line, 'error', 'empty mermaid diagram', 'write the diagram inside the fence or give src="file.mmd"', 'diagram-empty');
      return errorBox('Empty diagram', '', where);
    }
    env.diagrams.push({ line, source, srcLines, ...(srcFile ? { srcFile } : {}) });
    const known = declaredIds(source);
    for (const id of [...opts.highlight, ...opts.steps.flat()]) {
      if (!known.has(id)) {
        const near = nearMatch(id, known);
        const list = known.size ? `ids in this diagram: ${[...known].join(', ')}` : 'this diagram declares no ids';
        report(
          env,
          line,
          'warning',
          `diagram has no node or subgraph \`${id}\``,
          `${near ? `did you mean \`${near}\`? ` : ''}${list}`,
          'diagram-id-unknown',
        );
      }
    }
    const id = `diagram-${env.ids.next++}`;
    const caption = opts.caption ? `<figcaption id="${id}-caption">${md.renderInline(opts.caption, env)}</figcaption>` : '';
    const label = escapeHtml(opts.caption ?? 'diagram');
    const description = describeDiagram(source);
    const size = [opts.width && `--lectern-diagram-width: ${opts.width}`, opts.height && `--lectern-diagram-height: ${opts.height}`]
      .filter(Boolean)
      .join('; ');
    if (!opts.caption)
      report(
        env,
        line,
        'warning',
        'diagram has no caption',
        'add caption="…": it is shown under the diagram and is its name for screen readers',
        'diagram-no-caption',
      );
    return (
      `<figure class="${DIAGRAM.className}" id="${id}" ${DIAGRAM.lineAttr}="${escapeHtml(formatSource(where))}" ${DIAGRAM.stateAttr}="pending"` +
      (size ? ` style="${escapeHtml(size)}"` : '') +
      ` ${DIAGRAM.stepsAttr}="${escapeHtml(JSON.stringify(opts.steps))}" data-highlight="${escapeHtml(JSON.stringify(opts.highlight))}"` +
      '>' +
      `<pre class="${DIAGRAM.source.slice(1)}" hidden>${escapeHtml(source)}</pre>` +
      (description ? `<p class="lectern-diagram-desc" id="${id}-desc" hidden>${escapeHtml(description)}</p>` : '') +
      // The drawing is the image (role=img is not allowed on <figure>); the figure keeps its caption.
      `<div class="${DIAGRAM.svg.slice(1)}" role="img" aria-label="${label}"` +
      `${description ? ` aria-describedby="${id}-desc"` : ''}></div>${caption}${stepSpans(opts.steps.length)}</figure>\n`
    );
  };
}
