/**
 * What `lectern check` measures on one slide, in the browser (through the inspection API, inspect.ts).
 * Findings carry a rule id and the source location as data.
 */
import type { RevealApi } from 'reveal.js';
import {
  DIAGRAM,
  ERROR_BOX,
  type InspectOptions,
  PAGE,
  parseSource,
  SLIDE_SIZE,
  type SlideFinding,
  type SlideInspection,
  type SourceLocation,
} from '../model/page.js';
import { describeElement, measureOverflow } from './page-dom.js';

/** Runs in the browser on the current slide (all fragments shown, diagrams settled, images loaded). */
export function inspectSlide(deck: RevealApi, slide: HTMLElement, opts: Pick<InspectOptions, 'minFontPx'>): SlideInspection {
  const findings: SlideFinding[] = [];
  const links: SlideInspection['links'] = [];
  const source: SourceLocation = parseSource(slide.getAttribute(PAGE.sourceAttr)) ?? { file: '', line: 1 };
  const scale = deck.getScale() || 1;
  const label = describeElement;
  const inNotes = (el: Element) => el.closest(PAGE.notes) !== null;

  // Overflow: how far content reaches past the slide, in slide pixels (the measurement e2e uses too).
  const over = measureOverflow(slide, scale);
  if (over.culprit) {
    const by = [
      over.bottom > 1 ? `${Math.round(over.bottom)} px at the bottom` : '',
      over.right > 1 ? `${Math.round(over.right)} px on the right` : '',
    ]
      .filter(Boolean)
      .join(' and ');
    findings.push({
      ...source,
      code: 'overflow',
      severity: 'error',
      message: `content overflows the slide by ${by}: ${over.culprit}`,
      hint: 'split the slide (---), shorten it, or make a long table or code block smaller',
    });
  }
  // Code blocks scroll instead of growing: a viewer never sees the hidden part.
  for (const pre of slide.querySelectorAll<HTMLElement>('pre')) {
    if (inNotes(pre) || pre.hidden) continue;
    const cut = Math.max(pre.scrollHeight - pre.clientHeight, pre.scrollWidth - pre.clientWidth);
    if (cut > 2)
      findings.push({
        ...source,
        code: 'code-cut-off',
        severity: 'warning',
        message: `code block is cut off by ${Math.round(cut)} px (it scrolls): ${label(pre)}`,
        hint: 'shorten the lines or the listing; a projector cannot scroll',
      });
  }

  // Text too small to read: the smallest text on the slide, as it appears on the screen.
  let smallest: { el: Element; px: number; count: number } | undefined;
  let count = 0;
  const walker = document.createTreeWalker(slide, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (
      !el ||
      !node.textContent?.trim() ||
      inNotes(el) ||
      el.closest(`${DIAGRAM.source}, .katex-mathml, [hidden], [aria-hidden="true"]:not(svg)`)
    )
      continue;
    if (el.getClientRects().length === 0) continue;
    let px = Number.parseFloat(getComputedStyle(el).fontSize) * scale;
    const svg = el.closest('svg');
    if (svg) {
      const view = svg.viewBox.baseVal;
      const width = svg.getBoundingClientRect().width;
      if (view?.width) px = Number.parseFloat(getComputedStyle(el).fontSize) * (width / view.width);
    }
    if (px + 0.05 < opts.minFontPx) {
      count += 1;
      if (!smallest || px < smallest.px) smallest = { el, px, count: 0 };
    }
  }
  if (smallest)
    findings.push({
      ...source,
      code: 'text-too-small',
      severity: 'warning',
      message: `text too small to read: ${smallest.px.toFixed(1)} px on a ${SLIDE_SIZE.width}×${SLIDE_SIZE.height} screen (minimum ${opts.minFontPx})${count > 1 ? `, ${count} pieces of text` : ''}; smallest ${label(smallest.el)}`,
      hint: 'put less on the slide instead of shrinking it; a diagram may need fewer nodes or a wider layout',
    });

  // Diagrams that failed or came out empty.
  for (const fig of slide.querySelectorAll<HTMLElement>(DIAGRAM.selector)) {
    const where = parseSource(fig.getAttribute(DIAGRAM.lineAttr)) ?? source;
    const state = fig.dataset.state ?? '';
    if (state === 'error') {
      const detail = fig.querySelector(`${ERROR_BOX.selector} pre`)?.textContent?.split('\n')[0] ?? '';
      findings.push({
        ...where,
        code: 'diagram-error',
        severity: 'error',
        message: `diagram failed to draw: ${detail}`,
        hint: 'fix the Mermaid source; the slide shows an error box',
      });
      continue;
    }
    const svg = fig.querySelector(`${DIAGRAM.svg} svg`)?.getBoundingClientRect();
    if (state !== 'rendered')
      findings.push({
        ...where,
        code: 'diagram-undrawn',
        severity: 'error',
        message: `diagram was never drawn (state: ${state || 'none'})`,
        hint: 'see the browser console on that slide',
      });
    else if (!svg || svg.width < 1 || svg.height < 1)
      findings.push({
        ...where,
        code: 'diagram-empty',
        severity: 'error',
        message: 'diagram came out empty (0×0)',
        hint: 'the diagram has no nodes Mermaid can draw; check its source',
      });
  }

  // Error boxes (build-time problems shown in place) and KaTeX's own errors.
  for (const el of slide.querySelectorAll<HTMLElement>(ERROR_BOX.any)) {
    if (inNotes(el) || el.closest(DIAGRAM.selector)) continue;
    const line = Number(el.dataset.line);
    const at = el.dataset.file && line > 0 ? { file: el.dataset.file, line } : source;
    const what = el.querySelector('strong')?.textContent ?? (el.classList.contains(ERROR_BOX.className) ? 'error' : 'math error');
    const detail = el.querySelector('pre')?.textContent?.split('\n')[0] ?? el.getAttribute('title') ?? el.textContent ?? '';
    findings.push({
      ...at,
      code: 'error-shown',
      severity: 'error',
      message: `the slide shows an error: ${what}${detail ? ` (${detail.trim().slice(0, 80)})` : ''}`,
      hint: 'fix the source at that line',
    });
  }

  // Images: failed to load, or no alt attribute (Markdown images always have one; raw <img> may not).
  for (const img of slide.querySelectorAll<HTMLImageElement>('img')) {
    if (inNotes(img)) continue;
    const full = img.getAttribute('src') ?? '';
    const src = full.length > 60 ? `${full.slice(0, 57)}…` : full;
    if (img.complete && img.naturalWidth === 0)
      findings.push({
        ...source,
        code: 'image-broken',
        severity: 'error',
        message: `image \`${src}\` failed to load`,
        hint: 'check the path and that the file is a PNG, JPEG, SVG, GIF or WebP',
      });
    if (!img.hasAttribute('alt'))
      findings.push({
        ...source,
        code: 'image-no-alt',
        severity: 'warning',
        message: `image \`${src}\` has no alt text`,
        hint: 'add alt="what it shows" (alt="" for decoration)',
      });
  }

  // Links: anchors on this page are checked here, other local targets from Node.
  for (const a of slide.querySelectorAll<HTMLAnchorElement>('a[href]')) {
    if (inNotes(a)) continue;
    const href = a.getAttribute('href') ?? '';
    if (/^(mailto|tel|javascript):/i.test(href)) continue;
    const url = new URL(href, location.href);
    if (url.origin !== location.origin) continue;
    if (url.pathname === location.pathname && url.hash) {
      const hash = decodeURIComponent(url.hash.slice(1));
      const route = /^\/(\d+)(?:\/(\d+))?/.exec(hash);
      const ok = route
        ? deck.getSlide(Number(route[1]), route[2] ? Number(route[2]) : undefined) !== undefined
        : document.getElementById(hash.replace(/^\//, '')) !== null;
      if (!ok)
        findings.push({
          ...source,
          code: 'link-broken',
          severity: 'error',
          message: `link to \`${href}\`: no such slide or anchor in this deck`,
          hint: 'slides are #/slide-N (N from 1), #/<h>/<v> (from 0), or an id on the page',
        });
    } else links.push({ ...source, href: url.href });
  }

  const ids = [...slide.querySelectorAll('[id]')].map((e) => e.id);
  if (slide.id) ids.push(slide.id);
  return { findings, links, ids };
}
