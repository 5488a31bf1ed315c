import type { RevealApi } from 'reveal.js';
import { DIAGRAM, errorBoxHtml, FONT_FAMILY, PAGE, parseSource, pendingDiagrams } from '../model/page.js';
import { uiStrings } from '../model/ui-strings.js';
import { readDeckConfig } from './config.js';
import { el } from './dom.js';

type Mermaid = typeof import('mermaid').default;

let mermaidPromise: Promise<Mermaid> | undefined;

export const DIAGRAM_FONT = `"${FONT_FAMILY}", "Lectern Sans", sans-serif`;
const EDGE_LABEL_BACKGROUND = '#ffffff';
const EDGE_LABEL_CSS = `.edgeLabels .edgeLabel rect.background { opacity: 1; fill: ${EDGE_LABEL_BACKGROUND}; }
.edgeLabels .labelBkg, .edgeLabels .edgeLabel p { background-color: ${EDGE_LABEL_BACKGROUND}; opacity: 1; }`;

/**
 * Asks for every Mermaid module the deck's diagrams need at once (listed by the build): left to
 * itself Mermaid finds them four imports deep, one round trip and parse after another.
 */
function preloadMermaid(): void {
  for (const href of readDeckConfig().mermaidModules ?? []) document.head.append(el('link', { rel: 'modulepreload', href }));
}

const fontsFor = (text?: string) =>
  Promise.all([document.fonts.load(`20px ${DIAGRAM_FONT}`, text), document.fonts.load(`bold 20px ${DIAGRAM_FONT}`, text)]);

/** Mermaid is a large chunk: imported only when a diagram is about to be seen. */
function loadMermaid(): Promise<Mermaid> {
  if (mermaidPromise) return mermaidPromise;
  preloadMermaid();
  const fonts = fontsFor();
  mermaidPromise = import('mermaid').then(async ({ default: mermaid }) => {
    mermaid.initialize({
      startOnLoad: false,
      securityLevel: 'strict',
      layout: 'dagre',
      theme: 'base',
      fontFamily: DIAGRAM_FONT,
      markdownAutoWrap: false,
      // Edge labels on a solid background (Mermaid draws them at half opacity, so the arrow shows through
      // the words): more specific than Mermaid's `.edgeLabel rect`, which comes after this in the SVG's style.
      themeCSS: EDGE_LABEL_CSS,
      themeVariables: {
        fontFamily: DIAGRAM_FONT,
        fontSize: '22px',
        primaryColor: '#f4f6fb',
        primaryBorderColor: '#5b6b8c',
        primaryTextColor: '#1d2433',
        lineColor: '#5b6b8c',
        clusterBkg: '#fafbfd',
        clusterBorder: '#aab4c8',
        edgeLabelBackground: EDGE_LABEL_BACKGROUND,
        // Shadows become bitmaps in the PDF (slow, 3× larger); flat boxes stay vector.
        dropShadow: 'none',
      },
      flowchart: {
        htmlLabels: false,
        wrappingWidth: 600,
        useMaxWidth: true,
        padding: 10,
        nodeSpacing: 30,
        rankSpacing: 25,
        subGraphTitleMargin: { top: 6, bottom: 14 },
      },
    });
    await fonts;
    return mermaid;
  });
  return mermaidPromise;
}

/** Ids in Mermaid's SVG carry the render id as prefix; match on the part we wrote in the source. */
function nodesNamed(svg: SVGSVGElement, renderId: string, want: Set<string>): Element[] {
  return [...svg.querySelectorAll('g.node, g.cluster')].filter((g) => {
    const own = g.id.startsWith(`${renderId}-`) ? g.id.slice(renderId.length + 1) : g.id;
    return want.has(/^flowchart-(.+)-\d+$/.exec(own)?.[1] ?? own);
  });
}

/** Which step group each id belongs to (0 for ids in no group: drawn with the slide). */
function stepOf(steps: string[][]): (id: string | undefined) => number {
  const group = new Map<string, number>();
  steps.forEach((ids, k) => {
    for (const id of ids) if (!group.has(id)) group.set(id, k);
  });
  return (id) => (id === undefined ? 0 : (group.get(id) ?? 0));
}

/** The source ids an edge key `L_<from>_<to>_<n>` joins, among `known` ids (ids may contain `_`). */
function edgeEnds(key: string, known: string[]): { from?: string; to?: string } {
  const n = key.split('_').pop();
  const longest = (ids: string[]) => ids.sort((a, b) => b.length - a.length)[0];
  return {
    from: longest(known.filter((id) => key.startsWith(`L_${id}_`))),
    to: longest(known.filter((id) => key.endsWith(`_${id}_${n}`))),
  };
}

/**
 * Marks the drawn parts of step groups k ≥ 1 (`DIAGRAM.part`, `data-step="k"`); CSS hides each until its
 * step's span (written by the build, stepped by reveal) is visible. A node or cluster belongs to its group;
 * an edge (and its label) to the later of its two ends' groups, so it never hangs from a hidden node.
 */
function applySteps(figure: HTMLElement, svg: SVGSVGElement, renderId: string): void {
  const steps = JSON.parse(figure.dataset.steps ?? '[]') as string[][];
  if (steps.length < 2) return;
  ensureStepRules(steps.length);
  const step = stepOf(steps);
  const mark = (el: Element, k: number) => {
    if (k < 1) return;
    el.classList.add(DIAGRAM.part.slice(1));
    el.setAttribute(DIAGRAM.stepAttr, String(k));
  };
  steps.forEach((ids, k) => {
    for (const el of nodesNamed(svg, renderId, new Set(ids))) mark(el, k);
  });
  const known = steps.flat();
  for (const el of svg.querySelectorAll('[data-id^="L_"], path[id*="-L_"], path[id^="L_"]')) {
    const key = el.getAttribute('data-id') ?? el.id.replace(/^.*?(L_)/, 'L_');
    const { from, to } = edgeEnds(key, known);
    mark(el.closest('g.edgeLabel') ?? el, Math.max(step(from), step(to)));
  }
}

/**
 * The rules that hide step k's parts while its span is not `.visible`, for k up to `groups - 1`, added to
 * the page once. Pure CSS, so every view follows the spans: presenting, the speaker view's previews (clones),
 * the print view's per-step pages (clones), followers; reading mode and the handout show every step.
 */
let stepRules = 0;
function ensureStepRules(groups: number): void {
  if (groups - 1 <= stepRules) return;
  const rules: string[] = [];
  for (let k = stepRules + 1; k < groups; k++)
    rules.push(
      `${DIAGRAM.selector}:has(> ${DIAGRAM.step}[${DIAGRAM.stepAttr}="${k}"]:not(.visible)) ${DIAGRAM.part}[${DIAGRAM.stepAttr}="${k}"]{opacity:0;visibility:hidden}`,
    );
  stepRules = groups - 1;
  document.head.append(el('style', { class: 'lectern-diagram-step-rules' }, rules.join('\n')));
}

/** `data-highlight` ids get a red box (theme.css `.lecternHl`). */
function applyHighlight(figure: HTMLElement, svg: SVGSVGElement, renderId: string): void {
  const ids = JSON.parse(figure.dataset.highlight ?? '[]') as string[];
  for (const el of nodesNamed(svg, renderId, new Set(ids))) {
    el.classList.add('lecternHl');
    // classDef styles are inline and !important: only an inline !important outranks them.
    for (const shape of el.querySelectorAll<SVGElement>(':scope > rect, :scope > polygon, :scope > path, :scope > circle')) {
      shape.style.setProperty('stroke', 'var(--lectern-hl)', 'important');
      shape.style.setProperty('stroke-width', '4px', 'important');
      // The box is solid, as in the figures, also around a node whose own class draws it dashed.
      shape.style.setProperty('stroke-dasharray', 'none', 'important');
    }
  }
}

let counter = 0;
const renders = new Map<string, Promise<{ svg: string; id: string }>>();

/**
 * One Mermaid render per distinct source: a deck that shows the same tree on five slides, each with
 * its own highlight, lays it out once. Each copy gets its own id prefix, so ids stay unique.
 */
async function renderOnce(source: string): Promise<{ svg: string; id: string }> {
  let render = renders.get(source);
  if (!render) {
    const renderId = `lectern-mmd${++counter}x`;
    render = (async () => {
      // The page's font is split by unicode-range: fetch the files holding this diagram's characters
      // before Mermaid measures its labels (in a hidden slide nothing else would have asked for them).
      // Both downloads run while Mermaid loads.
      const fonts = fontsFor(source);
      const mermaid = await loadMermaid();
      await fonts;
      try {
        return { svg: (await mermaid.render(renderId, source)).svg, id: renderId };
      } catch (err) {
        document.getElementById(`d${renderId}`)?.remove();
        document.getElementById(renderId)?.remove();
        throw err;
      }
    })();
    renders.set(source, render);
  }
  const { svg, id } = await render;
  const copyId = `lectern-mmd${++counter}x`;
  return { svg: svg.replaceAll(id, copyId), id: copyId };
}

/** Draws one figure. `mermaid.render` measures in a node on <body>, so hidden slides size right. */
export async function drawDiagram(figure: HTMLElement): Promise<void> {
  if (figure.dataset.state !== 'pending') return;
  figure.dataset.state = 'drawing';
  const source = figure.querySelector(DIAGRAM.source)?.textContent ?? '';
  const target = figure.querySelector<HTMLElement>(DIAGRAM.svg);
  try {
    const { svg, id } = await renderOnce(source);
    if (!target) return;
    target.innerHTML = svg;
    const el = target.querySelector('svg');
    if (el) {
      el.setAttribute('aria-hidden', 'true');
      el.removeAttribute('style');
      el.removeAttribute('height');
      el.setAttribute('width', '100%');
      applyHighlight(figure, el, id);
      applySteps(figure, el, id);
    }
    figure.dataset.state = 'rendered';
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (target) {
      // An error box is not a picture: screen readers must read it (children of role=img are not).
      target.removeAttribute('role');
      target.removeAttribute('aria-label');
      const at = parseSource(figure.getAttribute(DIAGRAM.lineAttr));
      target.innerHTML = errorBoxHtml({ title: uiStrings(readDeckConfig().lang).errors.diagram, detail: message, ...(at ? { at } : {}) });
    }
    figure.dataset.state = 'error';
    console.error(`${figure.dataset.line}: mermaid: ${message}`);
  }
}

let queue: Promise<void> = Promise.resolve();

/** Draws figures one at a time (Mermaid's renderer is not re-entrant). */
export function drawAll(figures: Iterable<HTMLElement>): Promise<void> {
  for (const f of figures) queue = queue.then(() => drawDiagram(f));
  return queue;
}

/** Resolves when no figure is pending or drawing. */
export async function diagramsSettled(root: ParentNode = document): Promise<void> {
  await drawAll(root.querySelectorAll<HTMLElement>(pendingDiagrams));
}

/** reveal.js plugin: draws the diagrams of the current slide and its neighbours as the lecturer moves. */
export function diagramsPlugin(opts: { all: boolean }) {
  return {
    id: 'lectern-diagrams',
    init(deck: RevealApi) {
      const slidesOf = (): HTMLElement[] => {
        if (opts.all) return [...document.querySelectorAll<HTMLElement>(`${PAGE.slides} section`)];
        const { h, v } = deck.getIndices();
        const near: HTMLElement[] = [];
        for (let dh = -1; dh <= 2; dh++) {
          const slide = deck.getSlide(h + dh, dh === 0 ? v : 0) as HTMLElement | undefined;
          if (slide) near.push(slide);
        }
        const stack = deck.getCurrentSlide()?.parentElement;
        if (stack?.classList.contains('stack')) near.push(...stack.querySelectorAll<HTMLElement>(':scope > section'));
        return near;
      };
      // Steps are fragments from the start (spans written by the build): drawing only fills in the picture.
      const update = async () => {
        const slides = slidesOf();
        const figures = slides.flatMap((s) => [...s.querySelectorAll<HTMLElement>(`:scope ${pendingDiagrams}`)]);
        if (figures.length) await drawAll(figures);
      };
      deck.on('ready', () => void update());
      deck.on('slidechanged', () => void update());
      // The overview (Esc, O) shows every slide: far diagram slides were empty boxes there.
      deck.on('overviewshown', () => void diagramsSettled(document.querySelector(PAGE.slides) ?? document));
      // Dev server: an edited slide arrives as new markup, its diagrams not drawn yet.
      document.addEventListener('lectern:updated', () => void update());
      return Promise.resolve();
    },
  };
}
