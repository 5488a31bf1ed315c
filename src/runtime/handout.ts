import { PAGE, pendingDiagrams, SLIDE_SIZE, slideCounter } from '../model/page.js';
import { leafSlides } from './page-dom.js';
import './handout.css';
import { type DeckConfig, markReady } from './config.js';
import { drawAll } from './diagrams.js';
import { el, loadLazyMedia } from './dom.js';
import { imagesSettled } from './images.js';
import { handoutSavedInk } from './ink-print.js';
import { answerGroups, wrapAnswer } from './qa.js';

/** A CSS string literal (for the page footer's `content`). */
function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, '\\$&').replace(/[\n\r\f]/g, ' ')}"`;
}

function buildItem(section: HTMLElement, index: number, total: number, blankAnswers: boolean): HTMLElement {
  const item = el('article', { class: 'handout-item' });
  if (section.dataset.source) item.dataset.source = section.dataset.source;
  const title = section.dataset.title ?? '';

  // The slide: its own content on a stage of the slide size (SLIDE_SIZE), scaled into a 16:9 box (see fitStages).
  const area = el('div', { class: 'handout-area' });
  const box = el('div', { class: 'handout-slide' });
  const stage = el('div', { class: 'reveal handout-stage' });
  const notes = section.querySelector<HTMLElement>(`:scope > ${PAGE.notes}`);
  notes?.remove();
  loadLazyMedia(section);
  // `handout-answers: blank`: each Q&A answer keeps its place, as ruled lines to write the answer on.
  if (blankAnswers) for (const group of answerGroups(section)) wrapAnswer(group, { class: 'handout-answer-blank' });
  section.classList.add('present');
  section.removeAttribute('hidden');
  section.removeAttribute('aria-hidden');
  stage.append(section);
  box.append(stage);
  area.append(box);

  const caption = el('div', { class: 'handout-caption' });
  caption.append(el('span', { class: 'handout-number' }, slideCounter(index, total)), el('span', { class: 'handout-title' }, title));

  const notesBox = el('div', { class: 'handout-notes' });
  if (notes?.textContent?.trim()) notesBox.innerHTML = notes.innerHTML;
  else notesBox.classList.add('handout-notes-empty');

  item.append(area, caption, notesBox);
  return item;
}

/**
 * Scales each slide-sized stage to its box. The box is as large as the half sheet allows once the notes
 * have their room (CSS container units); sizes are in mm, so screen and print lay out alike.
 */
function fitStages(main: HTMLElement): void {
  for (const item of main.querySelectorAll<HTMLElement>('.handout-item')) {
    item.classList.toggle('handout-long', false);
    if (item.scrollHeight > item.clientHeight + 1) item.classList.add('handout-long');
  }
  for (const box of main.querySelectorAll<HTMLElement>('.handout-slide')) {
    const scale = Math.min(box.clientWidth / SLIDE_SIZE.width, box.clientHeight / SLIDE_SIZE.height);
    box.style.setProperty('--handout-scale', String(scale));
  }
}

/**
 * `?view=handout`: a plain printable document (A4 portrait, two slides a sheet) with every slide
 * scaled into a 16:9 box, all its fragments shown and its diagrams drawn, and its speaker notes
 * under it. Signals ready (fonts, images and diagrams) for the PDF exporter.
 */
export async function startHandout(config: DeckConfig): Promise<void> {
  // `print-pdf` switches off reveal's own `@media print` paper styles (`html:not(.print-pdf) .reveal …`),
  // which would enlarge text inside the scaled slides and cut off Mermaid's node labels.
  document.documentElement.classList.add('lectern-handout', 'print-pdf');
  const slides = leafSlides().map((l) => l.el);

  const main = el('main', { class: 'handout' });
  slides.forEach((section, i) => {
    main.append(buildItem(section, i, slides.length, config.handoutAnswers === 'blank'));
  });

  document.querySelector('.reveal')?.remove();
  document.body.prepend(main);

  // The deck title in the page footer (Chromium draws @page margin boxes with the page's fonts).
  const style = document.createElement('style');
  style.textContent = `@page { @bottom-left { content: ${cssString(config.title || document.title)}; } }`;
  document.head.append(style);

  await document.fonts.ready;
  fitStages(main);
  matchMedia('print').addEventListener('change', () => fitStages(main));
  await Promise.all([drawAll(main.querySelectorAll<HTMLElement>(pendingDiagrams)), imagesSettled(main)]);
  // Every step shown: reveal's final state of each fragment (diagram steps become fragments when drawn).
  for (const f of main.querySelectorAll(PAGE.fragment)) f.classList.add('visible');
  // The lecturer's saved ink over each slide, as the slides PDF prints it (not with `--no-ink`).
  await handoutSavedInk([...main.querySelectorAll<HTMLElement>('.handout-stage')]);
  await document.fonts.ready;
  fitStages(main);
  markReady();
}
