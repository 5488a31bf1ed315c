/**
 * The page contract: what the build writes into a deck page and the browser runtime, the checker, the
 * PDF exporter and the e2e tests read back. Every selector, attribute, state, format and size they share
 * is defined here once; nothing is written in one place and parsed by a regex of its own in another.
 *
 * Three parts live beside it and are re-exported here, so the contract stays one import: slide-number.ts (how a
 * slide is numbered and named), page-report.ts (what the checker and the PDF exporter learn from a page) and
 * code-walk.ts (the markup and step rules of code walkthroughs).
 *
 * Pure: no DOM access, no Node. `src/runtime/page-dom.ts` holds the DOM-side helpers over these names.
 */

export * from './code-walk.js';
export * from './page-report.js';
export * from './slide-number.js';

/** The slide as reveal.js lays it out (and the PDF page of the slides kind), in CSS pixels. */
export const SLIDE_SIZE = { width: 1280, height: 720 } as const;

/** The bundled font family every view uses for Latin and Chinese text (subset per page at build). */
export const FONT_FAMILY = 'Noto Sans SC';

/**
 * The same values for the stylesheets, which cannot import them: custom properties every page sets once in
 * its head (`pageCssVars`, written with the font faces); src/runtime/*.css use `var(--lectern-font)` etc.
 */
export const CSS_VARS = {
  '--lectern-font': `"${FONT_FAMILY}"`,
  '--lectern-slide-width': `${SLIDE_SIZE.width}px`,
  '--lectern-slide-height': `${SLIDE_SIZE.height}px`,
} as const;

export const pageCssVars = (): string =>
  `:root{${Object.entries(CSS_VARS)
    .map(([name, value]) => `${name}:${value}`)
    .join(';')}}`;

/** What the browser runtime reads from the page (`<script type="application/json" id="lectern-deck">`). */
export interface DeckConfig {
  slug: string;
  title: string;
  lang: string;
  durationMinutes?: number;
  hasMermaid: boolean;
  /** reveal.js options the deck sets itself (reveal-md's `revealOptions`, Quarto's `format: revealjs`). */
  reveal?: Record<string, unknown>;
  /**
   * Built site only: the Mermaid modules this deck's diagrams need, as URLs relative to the page.
   * Requested together when the first diagram is about to be drawn, instead of import by import.
   */
  mermaidModules?: string[];
  /** The handout leaves Q&A answers blank (front matter `handout-answers: blank`). */
  handoutAnswers?: 'blank';
  /**
   * The lecture's search index (MiniSearch JSON of its slides and notes, src/model/search.ts), relative to the
   * page: a content-hashed file in the built site, the dev server's own address otherwise. Loaded on the first search.
   */
  searchIndex?: string;
  /** Where the lecturer's saved ink goes, beside the deck file (`slides/part-1/intro.ink.json`). */
  inkFile?: string;
  /** The deck's place in the course: the home page and the lectures before and after it (hrefs relative to the deck). */
  course?: { home: string; prev?: LectureLink; next?: LectureLink };
}

export interface LectureLink {
  href: string;
  title: string;
  /** The linked lecture's language: its title is marked so (`lang`), for screen readers and fonts. */
  lang?: string;
}

/**
 * Payload of the dev server's `lectern:deck` HMR event: new slide markup for an open deck. `stacks` holds
 * each top-level section; `null` where it is the same as in the last update, so an edit to one slide of a
 * long deck sends (and re-renders) that slide only. When the number of sections changed, all are sent.
 */
export interface DeckUpdate {
  slug: string;
  stacks: (string | null)[];
  config: DeckConfig;
}

/** HMR event names between the dev server and open pages. */
export const HMR_EVENT = { deck: 'lectern:deck', decks: 'lectern:decks', asset: 'lectern:asset' } as const;

/** Payload of the `lectern:asset` HMR event: a file under assets/ changed or appeared (`assets/x.png`). */
export interface AssetUpdate {
  path: string;
}

/** Ids, attributes and selectors of the page. */
/**
 * The page element the build writes the deck's ink into (a JSON script, src/model/ink.ts), when the deck
 * has an ink file. Here, not in ink.ts, so the main bundle's check for it pulls in no ink code.
 */
export const INK_DATA_ID = 'lectern-ink';

export const PAGE = {
  /** Id of the JSON script holding the `DeckConfig`. */
  configId: 'lectern-deck',
  /** Set on `<html>` (value `true`) once fonts are loaded and diagrams drawn where asked. */
  readyAttr: 'data-lectern-ready',
  readySelector: 'html[data-lectern-ready="true"]',
  /** Event dispatched on `document` at the same moment. */
  readyEvent: 'lectern:ready',
  slides: '.reveal .slides',
  /** Every slide section carries its source location (see `formatSource`). */
  sourceAttr: 'data-source',
  titleAttr: 'data-title',
  notes: 'aside.notes',
  fragment: '.fragment',
} as const;

/**
 * Q&A steps (`Q:` / `A:` paragraphs): the build marks them, reading mode folds each answer behind a button
 * (a self-check), the handout can leave answers blank. An answer is its `A:` paragraph and what follows it
 * up to the next question.
 */
export const QA = {
  questionClass: 'lectern-q',
  answerClass: 'lectern-a',
  question: '.lectern-q',
  answer: '.lectern-a',
  /** A bare `A:` paragraph before its answer's list (it shows with the list's first item). */
  answerLabelClass: 'lectern-a-label',
  answerLabel: '.lectern-a-label',
} as const;

/** The attribute holding a component's state: a diagram's (DIAGRAM_STATES), the live bar's. */
export const STATE_ATTR = 'data-state';

/** A Mermaid figure: `<figure class="lectern-diagram" data-state=… data-line="file:line">`. */
export const DIAGRAM = {
  selector: '.lectern-diagram',
  className: 'lectern-diagram',
  svg: '.lectern-diagram-svg',
  source: '.lectern-mermaid-src',
  /**
   * The steps of a diagram's `steps="a | b c | …"`, declared in the built HTML so reveal counts them before
   * Mermaid draws: one empty `<span class="fragment lectern-diagram-step" data-step="k">` per group k ≥ 1
   * (group 0 shows with the slide). `stepSpans` writes them.
   */
  step: '.lectern-diagram-step',
  /** A drawn node, cluster or edge of group k ≥ 1 (`data-step="k"`): shown once step k's span is `.visible`. */
  part: '.lectern-diagram-part',
  stepAttr: 'data-step',
  /** Source location of the fence (`formatSource`). */
  lineAttr: 'data-line',
  stateAttr: STATE_ATTR,
  /** The diagram's steps (JSON: a list of groups of node ids), turned into fragments once it is drawn. */
  stepsAttr: 'data-steps',
} as const;

/** The enlarged-diagram viewer (reading mode, phones): its dialog, the button on a diagram, the pan/zoom stage (classes). */
export const VIEWER = { dialog: 'lectern-diagram-viewer', button: 'lectern-diagram-enlarge', stage: 'lectern-dv-stage' } as const;

/** The step spans of a diagram with `groups` step groups (see `DIAGRAM.step`). */
export function stepSpans(groups: number): string {
  let out = '';
  // No data-fragment-index: reveal steps indexed fragments before every unindexed one, so a bullet fragment
  // written above the diagram would come after its steps. Without it they step in document order.
  for (let k = 1; k < groups; k++)
    out += `<span class="fragment ${DIAGRAM.step.slice(1)}" ${DIAGRAM.stepAttr}="${k}" aria-hidden="true"></span>`;
  return out;
}

export const DIAGRAM_STATES = ['pending', 'drawing', 'rendered', 'error'] as const;
export type DiagramState = (typeof DIAGRAM_STATES)[number];
/** A diagram in this state will not change any more. */
export const isSettled = (state: string | undefined): boolean => state === 'rendered' || state === 'error';
/** Selector of the diagrams in `state`. */
export const diagramsIn = (state: DiagramState): string => `${DIAGRAM.selector}[${STATE_ATTR}="${state}"]`;
export const pendingDiagrams = diagramsIn('pending');

/**
 * Elements whose box counts when measuring overflow: the blocks an author writes. One list for
 * `lectern check`, the e2e overflow test and the PDF export, so they cannot disagree.
 */
export const OVERFLOW_ELEMENTS = 'h1,h2,h3,h4,h5,h6,p,li,table,pre,figure,img,blockquote,.katex-display,svg,.lectern-columns';

/** Boxes that show a problem on the slide instead of content: Lectern's own, KaTeX's, inline math. */
export const ERROR_BOX = {
  className: 'lectern-error',
  selector: '.lectern-error',
  any: '.lectern-error, .katex-error, .lectern-error-inline',
} as const;

// ---------------------------------------------------------------------------------------------------
// Source locations: `data-source="slides/x.md:12"` on slides, `data-line` on diagrams, the error box's
// `data-file` / `data-line`.

export interface SourceLocation {
  /** Relative to the project root, e.g. `slides/intro.md`. */
  file: string;
  /** 1-based. */
  line: number;
}

export function formatSource({ file, line }: SourceLocation): string {
  return `${file}:${line}`;
}

export function parseSource(text: string | null | undefined): SourceLocation | undefined {
  const m = /^(.+):(\d+)$/.exec(text ?? '');
  if (!m?.[1]) return undefined;
  return { file: m[1], line: Number(m[2]) };
}

// ---------------------------------------------------------------------------------------------------
// The error box: shown in place of what failed, on its slide only. The build writes it as HTML, the
// runtime inserts the same HTML for a diagram that fails in the browser; the checker reads the location
// from its data attributes.

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&${({ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": '#39' } as const)[c as '&']};`);
}

export interface ErrorBox {
  title: string;
  /** The tool's own message (pre-formatted); omitted when there is none. */
  detail?: string;
  /** What to do, shown after the location. */
  hint?: string;
  at?: SourceLocation;
}

export function errorBoxHtml(box: ErrorBox): string {
  const where = box.at ? formatSource(box.at) : '';
  const data = box.at ? ` data-file="${escapeHtml(box.at.file)}" data-line="${box.at.line}"` : '';
  const small = [where, box.hint ?? ''].filter(Boolean).join(' — ');
  return (
    `<div class="${ERROR_BOX.className}" role="alert"${data}><strong>${escapeHtml(box.title)}</strong>` +
    `${box.detail !== undefined ? `<pre>${escapeHtml(box.detail)}</pre>` : ''}` +
    `${small ? `<small>${escapeHtml(small)}</small>` : ''}</div>`
  );
}

/**
 * Set on <html>, before the first paint, on every page that will be a reveal.js view: reading mode
 * (`?view=read`) and a page without JavaScript lay the slides out as a readable column from HTML and
 * CSS alone (reading-early.css) instead of waiting for their script.
 */
export const SLIDES_VIEW_CLASS = 'lectern-slides-view';
/** The inline script in <head> that sets SLIDES_VIEW_CLASS (the same test as the runtime's viewOf). */
export const EARLY_VIEW_SCRIPT = `<script>if(new URLSearchParams(location.search).get('view')!=='read')document.documentElement.classList.add('${SLIDES_VIEW_CLASS}')</script>`;
