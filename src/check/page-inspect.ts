/**
 * What `npm run check` measures on one slide, run inside the page (Playwright's `page.evaluate`).
 * Self-contained: no imports, no closures over module state.
 */

export interface SlideFinding {
  /** `slides/x.md:12`: the slide's `data-source`, or a more precise `file:line` of the element. */
  where: string;
  severity: 'error' | 'warning';
  message: string;
  hint: string;
}

export interface SlideInspection {
  findings: SlideFinding[];
  /** Local links to check from Node: other decks' anchors and files. */
  links: { where: string; href: string }[];
  /** The element ids on this slide, for anchors from other slides and decks. */
  ids: string[];
}

export interface InspectOptions {
  /** Smallest readable text on a 1280×720 screen, in CSS pixels after reveal's scaling. */
  minFontPx: number;
}

/** Runs in the browser on the current slide (all fragments shown, diagrams settled, images loaded). */
export function inspectCurrentSlide(opts: InspectOptions): SlideInspection {
  const deck = window.lectern?.deck;
  const slide = deck?.getCurrentSlide() as HTMLElement | undefined;
  const findings: SlideFinding[] = [];
  const links: { where: string; href: string }[] = [];
  if (!deck || !slide) return { findings, links, ids: [] };
  const source = slide.dataset.source ?? '';
  const scale = deck.getScale() || 1;
  const label = (el: Element) => {
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    return `<${el.tagName.toLowerCase()}>${text ? ` "${text.length > 40 ? `${text.slice(0, 40)}…` : text}"` : ''}`;
  };
  const inNotes = (el: Element) => el.closest('aside.notes') !== null;

  // Overflow: how far content reaches past the 1280×720 slide, in slide pixels.
  const box = slide.getBoundingClientRect();
  const slideRight = box.left + 1280 * scale;
  const slideBottom = box.top + 720 * scale;
  let worst: { el: Element; right: number; bottom: number } | undefined;
  for (const el of slide.querySelectorAll('h1,h2,h3,h4,h5,h6,p,li,table,pre,figure,img,blockquote,.katex-display,svg,.lectern-columns')) {
    if (inNotes(el)) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    const right = (r.right - slideRight) / scale;
    const bottom = (r.bottom - slideBottom) / scale;
    if ((right > 1 || bottom > 1) && (!worst || Math.max(right, bottom) > Math.max(worst.right, worst.bottom)))
      worst = { el, right, bottom };
  }
  if (worst) {
    const by = [
      worst.bottom > 1 ? `${Math.round(worst.bottom)} px at the bottom` : '',
      worst.right > 1 ? `${Math.round(worst.right)} px on the right` : '',
    ]
      .filter(Boolean)
      .join(' and ');
    findings.push({
      where: source,
      severity: 'error',
      message: `content overflows the slide by ${by}: ${label(worst.el)}`,
      hint: 'split the slide (---), shorten it, or make a long table or code block smaller',
    });
  }
  // Code blocks scroll instead of growing: a viewer never sees the hidden part.
  for (const pre of slide.querySelectorAll<HTMLElement>('pre')) {
    if (inNotes(pre) || pre.hidden) continue;
    const cut = Math.max(pre.scrollHeight - pre.clientHeight, pre.scrollWidth - pre.clientWidth);
    if (cut > 2)
      findings.push({
        where: source,
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
      el.closest('.lectern-mermaid-src, .katex-mathml, [hidden], [aria-hidden="true"]:not(svg)')
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
      where: source,
      severity: 'warning',
      message: `text too small to read: ${smallest.px.toFixed(1)} px on a 1280×720 screen (minimum ${opts.minFontPx})${count > 1 ? `, ${count} pieces of text` : ''}; smallest ${label(smallest.el)}`,
      hint: 'put less on the slide instead of shrinking it; a diagram may need fewer nodes or a wider layout',
    });

  // Diagrams that failed or came out empty.
  for (const fig of slide.querySelectorAll<HTMLElement>('.lectern-diagram')) {
    const where = fig.dataset.line ?? source;
    const state = fig.dataset.state ?? '';
    if (state === 'error') {
      const detail = fig.querySelector('.lectern-error pre')?.textContent?.split('\n')[0] ?? '';
      findings.push({
        where,
        severity: 'error',
        message: `diagram failed to draw: ${detail}`,
        hint: 'fix the Mermaid source; the slide shows an error box',
      });
      continue;
    }
    const svg = fig.querySelector('.lectern-diagram-svg svg')?.getBoundingClientRect();
    if (state !== 'rendered')
      findings.push({
        where,
        severity: 'error',
        message: `diagram was never drawn (state: ${state || 'none'})`,
        hint: 'see the browser console on that slide',
      });
    else if (!svg || svg.width < 1 || svg.height < 1)
      findings.push({
        where,
        severity: 'error',
        message: 'diagram came out empty (0×0)',
        hint: 'the diagram has no nodes Mermaid can draw; check its source',
      });
  }

  // Error boxes (build-time problems shown in place) and KaTeX's own errors.
  for (const el of slide.querySelectorAll<HTMLElement>('.lectern-error, .katex-error, .lectern-error-inline')) {
    if (inNotes(el) || el.closest('.lectern-diagram')) continue;
    const at = /^(\S+\.md:\d+)/.exec(el.querySelector('small')?.textContent ?? '')?.[1] ?? source;
    const what = el.querySelector('strong')?.textContent ?? (el.classList.contains('lectern-error') ? 'error' : 'math error');
    const detail = el.querySelector('pre')?.textContent?.split('\n')[0] ?? el.getAttribute('title') ?? el.textContent ?? '';
    findings.push({
      where: at,
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
        where: source,
        severity: 'error',
        message: `image \`${src}\` failed to load`,
        hint: 'check the path and that the file is a PNG, JPEG, SVG, GIF or WebP',
      });
    if (!img.hasAttribute('alt'))
      findings.push({
        where: source,
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
          where: source,
          severity: 'error',
          message: `link to \`${href}\`: no such slide or anchor in this deck`,
          hint: 'slides are #/slide-N (N from 1), #/<h>/<v> (from 0), or an id on the page',
        });
    } else links.push({ where: source, href: url.href });
  }

  const ids = [...slide.querySelectorAll('[id]')].map((e) => e.id);
  if (slide.id) ids.push(slide.id);
  return { findings, links, ids };
}
