import { PAGE, SLIDE_SIZE } from '../model/page.js';
import type { UiStrings } from '../model/ui-strings.js';
import type { Leaf } from './page-dom.js';
import type { DeckPosition } from './speaker-link.js';
import { captions, nextOf, type SlideStops } from './speaker-model.js';
import { lastFragment } from './speaker-slides.js';

const layout = (t: UiStrings['speaker']) => `
<header class="lectern-sv-bar">
  <span class="lectern-sv-title"></span>
  <span class="lectern-sv-position"></span>
  <span class="lectern-sv-status" role="status"></span>
</header>
<section class="lectern-sv-preview lectern-sv-current" aria-label="${t.currentSlide}">
  <div class="lectern-sv-label">${t.current} <span class="lectern-sv-step"></span></div>
  <div class="lectern-sv-screen"><div class="reveal lectern-sv-reveal"><div class="slides"></div></div></div>
</section>
<div class="lectern-sv-lower">
  <section class="lectern-sv-preview lectern-sv-next" aria-label="${t.next}">
    <div class="lectern-sv-label">${t.next} <span class="lectern-sv-next-what"></span></div>
    <div class="lectern-sv-screen" title="${t.clickToAdvance}"><div class="reveal lectern-sv-reveal"><div class="slides"></div></div></div>
  </section>
  <section class="lectern-sv-time" aria-label="${t.time}">
    <div class="lectern-sv-clocks">
      <div><span class="lectern-sv-k">${t.elapsed}</span><span class="lectern-sv-elapsed">0:00</span></div>
      <div><span class="lectern-sv-k">${t.clock}</span><span class="lectern-sv-clock"></span></div>
    </div>
    <div class="lectern-sv-pacing" hidden>
      <div class="lectern-sv-pace"><span class="lectern-sv-pace-state"></span> <span class="lectern-sv-pace-by"></span></div>
      <div class="lectern-sv-pace-detail lectern-sv-pace-slide"></div>
      <div class="lectern-sv-pace-detail lectern-sv-pace-total"></div>
      <div class="lectern-sv-pace-bar" aria-hidden="true"><span class="lectern-sv-pace-plan"></span><span class="lectern-sv-pace-used"></span></div>
    </div>
    <div class="lectern-sv-buttons">
      <button type="button" class="lectern-sv-run">${t.start}</button>
      <button type="button" class="lectern-sv-reset">${t.reset}</button>
    </div>
  </section>
</div>
<section class="lectern-sv-notes" aria-label="${t.notes}" tabindex="0">
  <h1 class="lectern-sv-slide-title"></h1>
  <div class="lectern-sv-notes-body"></div>
</section>`;

/** A leaf slide with what the model needs to know about it. */
export type SpeakerSlide = Leaf & SlideStops & { title: string };

export function speakerSlides(leaves: Leaf[]): SpeakerSlide[] {
  return leaves.map((l) => ({ ...l, steps: lastFragment(l.el) + 1, title: l.el.getAttribute(PAGE.titleAttr) ?? '' }));
}

export type Connection = 'following' | 'paused' | 'closed' | 'waiting';

/** The notes shown for a step: the notes inside that step's fragments, else the slide's own. */
function notesOf(slide: HTMLElement, f: number): string {
  const own = [...slide.querySelectorAll<HTMLElement>(`${PAGE.fragment}[data-fragment-index="${f}"] ${PAGE.notes}`)];
  const notes = own.length ? own : [...slide.querySelectorAll<HTMLElement>(PAGE.notes)].filter((n) => !n.closest(PAGE.fragment));
  if (notes.length) return notes.map((n) => n.innerHTML).join('\n');
  const attr = slide.getAttribute('data-notes');
  if (!attr) return '';
  const p = document.createElement('p');
  p.textContent = attr;
  return p.outerHTML;
}

/** A copy of `slide` at step `f` in a preview box, or the box marked as past the end. */
function showSlide(box: HTMLElement, slide: HTMLElement | undefined, f: number): void {
  const slides = box.querySelector('.slides');
  if (!slides) return;
  box.classList.toggle('lectern-sv-end', !slide);
  if (!slide) {
    slides.replaceChildren();
    return;
  }
  const clone = slide.cloneNode(true) as HTMLElement;
  clone.removeAttribute('id');
  clone.classList.remove('past', 'future', 'stack');
  clone.classList.add('present');
  for (const n of clone.querySelectorAll(PAGE.notes)) n.remove();
  for (const el of clone.querySelectorAll(PAGE.fragment)) {
    const i = Number.parseInt(el.getAttribute('data-fragment-index') ?? '0', 10);
    el.classList.toggle('visible', i <= f);
    el.classList.toggle('current-fragment', i === f);
  }
  clone.setAttribute('data-fragment', String(f));
  slides.replaceChildren(clone);
}

/** The speaker view's page: two previews scaled like the projector, the notes, the bar. */
export function initSpeakerView(title: string, t: UiStrings['speaker']) {
  const root = document.createElement('main');
  root.className = 'lectern-sv';
  root.innerHTML = layout(t);
  document.body.append(root);
  const $ = <T extends Element = HTMLElement>(sel: string) => root.querySelector(sel) as T;
  $('.lectern-sv-title').textContent = title;

  // Preview screens: a slide-sized `.reveal` scaled to fit, so the theme applies as on the projector.
  const fit = (screen: HTMLElement) => {
    const reveal = screen.querySelector<HTMLElement>('.lectern-sv-reveal');
    if (!reveal) return;
    const { clientWidth: w, clientHeight: h } = screen;
    const s = Math.min(w / SLIDE_SIZE.width, h / SLIDE_SIZE.height) || 0;
    reveal.style.transform = `translate(${(w - SLIDE_SIZE.width * s) / 2}px, ${(h - SLIDE_SIZE.height * s) / 2}px) scale(${s})`;
  };
  const observer = new ResizeObserver((entries) => {
    for (const e of entries) fit(e.target as HTMLElement);
  });
  const screens = [...root.querySelectorAll<HTMLElement>('.lectern-sv-screen')];
  for (const screen of screens) observer.observe(screen);

  let shown: SpeakerSlide | undefined;
  return {
    root,
    $,
    fitAll: () => screens.forEach(fit),
    status(connection: Connection) {
      const el = $('.lectern-sv-status');
      el.dataset.connected = String(connection === 'following' || connection === 'paused');
      el.textContent = t[connection];
      root.classList.toggle('lectern-sv-paused', connection === 'paused');
    },
    render(slides: SpeakerSlide[], pos: DeckPosition, slide: SpeakerSlide | undefined) {
      const c = captions(slides, pos, t);
      showSlide($('.lectern-sv-current'), slide?.el, c.f);
      const next = nextOf(slides, { ...pos, f: c.f });
      showSlide($('.lectern-sv-next'), next?.slide.el, next?.f ?? -1);
      $('.lectern-sv-step').textContent = c.step;
      $('.lectern-sv-next-what').textContent = c.next;
      $('.lectern-sv-position').textContent = c.position;
      $('.lectern-sv-slide-title').textContent = c.title;
      const body = $('.lectern-sv-notes-body');
      const html = slide ? notesOf(slide.el, c.f) : '';
      if (body.dataset.html !== html) {
        body.innerHTML = html || `<p class="lectern-sv-none">${t.noNotes}</p>`;
        body.dataset.html = html;
        for (const a of body.querySelectorAll('a[href]')) {
          a.setAttribute('target', '_blank');
          a.setAttribute('rel', 'noopener');
        }
      }
      if (slide?.el !== shown?.el) $('.lectern-sv-notes').scrollTop = 0;
      shown = slide;
      root.dataset.slide = slide ? String(slide.index + 1) : '';
    },
    destroy() {
      observer.disconnect();
      root.remove();
    },
  };
}

export type SpeakerView = ReturnType<typeof initSpeakerView>;
