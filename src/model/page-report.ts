/**
 * What the checker learns from a slide in the browser (see src/runtime/inspect.ts), and what the PDF exporter
 * learns from a laid-out print page. Part of the page contract (re-exported by page.ts).
 */
import type { SourceLocation } from './page.js';
import type { SlidePosition } from './slide-number.js';

/** Stable ids of the checks the browser pass makes, for grouping and de-duplicating. */
export type SlideRule =
  | 'overflow'
  | 'code-cut-off'
  | 'text-too-small'
  | 'diagram-error'
  | 'diagram-undrawn'
  | 'diagram-empty'
  | 'error-shown'
  | 'image-broken'
  | 'image-no-alt'
  | 'link-broken'
  | 'network-request';

export interface SlideFinding extends SourceLocation {
  code: SlideRule;
  severity: 'error' | 'warning';
  message: string;
  hint: string;
}

export interface SlideInspection {
  findings: SlideFinding[];
  /** Local links to check from Node: other decks' anchors and files. */
  links: (SourceLocation & { href: string })[];
  /** The element ids on this slide, for anchors from other slides and decks. */
  ids: string[];
}

export interface InspectOptions {
  /** Smallest readable text on a 1280×720 screen, in CSS pixels after reveal's scaling. */
  minFontPx: number;
  /** Longest wait for diagrams and images, in ms. */
  timeoutMs: number;
}

/** How far the content of a slide reaches past the slide, in slide pixels (0 when it fits). */
export interface Overflow {
  right: number;
  bottom: number;
  /** `<p> "first words…"` of the element reaching out furthest, empty when it fits. */
  culprit: string;
}

export type PdfKind = 'slides' | 'handout';

/**
 * The query that puts a deck page in the wanted print layout: what `npm run pdf` opens, and what the
 * presenting page prints on Ctrl+P. margin=0: the page is exactly the 1280×720 slide.
 * pdfMaxPagesPerSlide=1: an overflowing slide stays one page (reported as a warning) instead of silently
 * adding pages.
 */
export function printQuery(kind: PdfKind, fragments: boolean, ink = true): string {
  // ink=0: without the saved ink (src/runtime/ink-key.ts reads it).
  if (kind === 'handout') return `?view=handout${ink ? '' : '&ink=0'}`;
  return `?view=print&margin=0&pdfMaxPagesPerSlide=1${fragments ? '&fragments' : ''}${ink ? '' : '&ink=0'}`;
}

export interface PageReport {
  title: string;
  author: string;
  /** The deck's `tags`, from `<meta name="keywords">` (comma-separated). */
  tags: string[];
  lang: string;
  slides: number;
  /** Pages the layout asks for (reveal's `.pdf-page`s or the handout's sheets); 0 = unknown. */
  layoutPages: number;
  /** The slides PDF: each page's slide number (`slideLabel`), for the PDF's page labels; empty for the handout. */
  pageLabels: string[];
  diagrams: { state: string; width: number; height: number; where: string }[];
  /** Source locations (`formatSource`) of slides taller than their page. */
  overflowing: string[];
  /** Images that did not load (or had not when the page said it was ready), where they are. */
  brokenImages: { src: string; where: string }[];
  /** `--fragments`: diagram steps were drawn after reveal's print layout, so they are not separate pages. */
  lateSteps: boolean;
}

/** A slide the checker visits: its reveal indices and where it comes from. */
export interface SlideRef extends SlidePosition {
  id: string;
  source: string;
}
