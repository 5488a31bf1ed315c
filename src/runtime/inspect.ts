/**
 * The inspection API: what the checker, the PDF exporter and the e2e tests ask of a deck page, run by the
 * page's own code instead of functions serialised into `page.evaluate` (tsx and esbuild wrap those in
 * helpers the page does not have). Loaded on demand: `await window.lecternInspector()`.
 */
import type { RevealApi } from 'reveal.js';
import {
  DIAGRAM,
  type InspectOptions,
  type Overflow,
  PAGE,
  type PageReport,
  type PdfKind,
  SLIDE_SIZE,
  type SlideInspection,
  type SlidePosition,
  type SlideRef,
  slideLabel,
} from '../model/page.js';
import { inspectSlide } from './inspect-slide.js';
import { leafSlides, measureOverflow, untilDrawn } from './page-dom.js';

export interface Inspector {
  /** Every slide in the order shown. */
  slides(): SlideRef[];
  /** Goes to a slide with every step shown, waits until its diagrams and images are drawn (true) or the time is up (false). */
  show(pos: SlidePosition, timeoutMs: number): Promise<boolean>;
  /** Waits until the current slide is drawn, then shows every step of it (diagram steps become steps once drawn). */
  settle(timeoutMs: number): Promise<boolean>;
  /** Waits until every diagram and image on the current slide is drawn or failed visibly (true), or the time is up (false). */
  untilDrawn(timeoutMs: number): Promise<boolean>;
  /** How far the current slide's content reaches past the slide. */
  overflow(): Overflow & { id: string; source: string };
  /** What `lectern check` reports about the current slide. */
  inspect(opts: Pick<InspectOptions, 'minFontPx'>): SlideInspection;
  /** The laid-out print page (`?view=print` or `?view=handout`), as the exporter checks it. */
  printReport(kind: PdfKind, fragments: boolean): PageReport;
}

declare global {
  interface Window {
    /** Loads the inspection API (installed by main.ts on every deck page). */
    lecternInspector?: () => Promise<Inspector>;
  }
}

function deck(): RevealApi {
  const d = window.lectern?.deck;
  if (!d) throw new Error('no reveal deck on this page');
  return d;
}

const current = (): HTMLElement => deck().getCurrentSlide() as HTMLElement;
const lastStep = () => {
  const { h, v } = deck().getIndices();
  deck().slide(h, v ?? 0, Number.MAX_SAFE_INTEGER);
};

async function settle(timeoutMs: number): Promise<boolean> {
  const ok = await untilDrawn(current(), timeoutMs);
  lastStep();
  return ok;
}

export const inspector: Inspector = {
  slides: () => leafSlides().map(({ el, h, v }) => ({ h, v, id: el.id, source: el.getAttribute(PAGE.sourceAttr) ?? '' })),
  async show({ h, v }, timeoutMs) {
    deck().slide(h, v, Number.MAX_SAFE_INTEGER);
    return settle(timeoutMs);
  },
  settle,
  untilDrawn: (timeoutMs) => untilDrawn(current(), timeoutMs),
  overflow: () => {
    const slide = current();
    return { id: slide.id, source: slide.getAttribute(PAGE.sourceAttr) ?? '', ...measureOverflow(slide, deck().getScale() || 1) };
  },
  inspect: (opts) => inspectSlide(deck(), current(), opts),
  printReport,
};

function printReport(kind: PdfKind, fragments: boolean): PageReport {
  const sourceOf = (s: Element) => s.getAttribute(PAGE.sourceAttr) ?? s.id;
  // Diagram steps drawn after reveal's print layout are missing from every page's step sequence.
  const diagramSteps = [...document.querySelectorAll(`.reveal .pdf-page ${DIAGRAM.step}`)];
  const lateSteps = kind === 'slides' && fragments && diagramSteps.length > 0 && !diagramSteps.some((e) => e.classList.contains('visible'));
  if (kind === 'slides' && !fragments) {
    // reveal shows every fragment in this layout, but diagram steps become fragments only when the
    // diagram is drawn; if that happened after the layout, show them too (idempotent otherwise).
    for (const f of document.querySelectorAll(`.reveal .pdf-page ${PAGE.fragment}:not(.fade-out)`)) f.classList.add('visible');
  }
  const diagrams = [...document.querySelectorAll<HTMLElement>(DIAGRAM.selector)].map((f) => {
    const box = f.querySelector(`${DIAGRAM.svg} svg`)?.getBoundingClientRect();
    const where = f.closest(`[${PAGE.sourceAttr}]`)?.getAttribute(PAGE.sourceAttr) ?? '?';
    return { state: f.dataset.state ?? '?', width: box?.width ?? 0, height: box?.height ?? 0, where };
  });
  const overflowing =
    kind === 'slides'
      ? [...document.querySelectorAll<HTMLElement>('.reveal .pdf-page > section')].filter((s) => s.scrollHeight > SLIDE_SIZE.height + 2)
      : [...document.querySelectorAll<HTMLElement>('.handout-item')].filter((s) => s.scrollHeight > s.clientHeight + 2);
  const brokenImages = [...document.querySelectorAll<HTMLImageElement>('img')]
    .filter((img) => !img.complete || img.naturalWidth === 0)
    .map((img) => ({
      // A small image is inlined by the build as a data: URL; its alt text names it better.
      src: /^data:/.test(img.getAttribute('src') ?? '') ? `"${img.alt}"` : (img.getAttribute('src') ?? ''),
      where: img.closest(`[${PAGE.sourceAttr}]`)?.getAttribute(PAGE.sourceAttr) ?? '?',
    }));
  const layoutPages = kind === 'slides' ? document.querySelectorAll('.reveal .pdf-page').length : Number(document.body.dataset.sheets ?? 0);
  // Each page of the slides PDF is labelled with its slide's number (several pages of one slide with --fragments).
  const pageLabels: string[] = [];
  if (kind === 'slides') {
    // With --fragments reveal clones a slide's page once per step: the clones keep the section's id and source.
    const seen = new Map<string, string>();
    for (const page of document.querySelectorAll('.reveal .pdf-page')) {
      const section = page.querySelector(':scope > section');
      const key = section ? `${section.id}|${section.getAttribute(PAGE.sourceAttr)}` : '';
      if (section && !seen.has(key)) seen.set(key, slideLabel(seen.size));
      pageLabels.push(seen.get(key) ?? '');
    }
  }
  return {
    title: document.title,
    author: document.querySelector<HTMLMetaElement>('meta[name="author"]')?.content ?? '',
    tags: (document.querySelector<HTMLMetaElement>('meta[name="keywords"]')?.content ?? '')
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean),
    lang: document.documentElement.lang,
    // The handout view has moved the slides out of `.slides`: count the sections that carry a source.
    slides: [...document.querySelectorAll(`section[${PAGE.sourceAttr}]`)].filter((s) => !s.querySelector(':scope > section')).length,
    layoutPages,
    pageLabels,
    diagrams,
    overflowing: [...new Set(overflowing.map(sourceOf))],
    brokenImages,
    lateSteps,
  };
}
