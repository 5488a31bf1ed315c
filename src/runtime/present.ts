import Reveal from 'reveal.js';
import { DIAGRAM, PAGE, SLIDE_SIZE, slideLabel } from '../model/page.js';
import { uiStrings } from '../model/ui-strings.js';
import { initBlackout } from './blackout.js';
import { type DeckConfig, markReady } from './config.js';
import { initControlKeys } from './control-keys.js';
import { diagramsPlugin, diagramsSettled } from './diagrams.js';
import { installFindKeys } from './find-keys.js';
import { hotUpdates } from './hmr.js';
import { imagesSettled } from './images.js';
import { installInkKeys } from './ink-key.js';
import { printSavedInk } from './ink-print.js';
import { installLectureNav } from './lecture-nav.js';
import { initPortraitHint } from './portrait-hint.js';
import { initPrintShortcut } from './print-shortcut.js';
import { initScreenFit } from './screen-fit.js';
import { initSlideAddress } from './slide-address.js';
import { installSpeaker } from './speaker-link.js';
import { installViewSwitch } from './switcher.js';

export type Deck = InstanceType<typeof Reveal>;

declare global {
  interface Window {
    lectern?: { deck: Deck; config: DeckConfig };
  }
}

function deckOwnOptions(own: Record<string, unknown>, printing: boolean): Record<string, unknown> {
  const out = { ...own };
  if (out.slideNumber !== false) delete out.slideNumber;
  if (printing) for (const key of ['width', 'height', 'margin', 'center', 'disableLayout']) delete out[key];
  if (matchMedia('(prefers-reduced-motion: reduce)').matches) for (const key of ['transition', 'backgroundTransition']) delete out[key];
  return out;
}

/** reveal.js options shared by presenting and printing. */
export function revealOptions(config: DeckConfig, printing: boolean) {
  const params = new URLSearchParams(location.search);
  return {
    ...SLIDE_SIZE,
    margin: 0.04,
    // reveal stops growing the slide at 2× (a third of a 4K projector left empty): fill any screen.
    maxScale: 100,
    hash: true,
    respondToHashChanges: true,
    history: false,
    // The one slide number (page.ts): reading order from 1, as reading mode, the speaker view and the handout.
    slideNumber: (slide?: HTMLElement) => {
      const deck = window.lectern?.deck;
      // reveal shows the third part only when it is a number (its config type says string).
      return (deck ? [slideLabel(deck.getSlidePastCount(slide)), '/', deck.getTotalSlides()] : '') as unknown as [string, string, string];
    },
    showSlideNumber: 'all' as const,
    progress: true,
    controls: true,
    center: false,
    // reveal 6 turns into its scroll view below 435 px, which ignores #/slide-N: keep slides (reading mode is for phones).
    scrollActivationWidth: 0,
    ...(matchMedia('(prefers-reduced-motion: reduce)').matches
      ? { transition: 'none' as const, backgroundTransition: 'none' as const }
      : { transition: 'slide' as const }),
    // The deck's own reveal options (reveal-md's revealOptions, Quarto's format: revealjs). Printing keeps
    // Lectern's page size; the slide number keeps Lectern's one format (the speaker view and handout count so).
    ...deckOwnOptions(config.reveal ?? {}, printing),
    pdfSeparateFragments: params.has('fragments'),
    ...(config.durationMinutes ? { totalTime: config.durationMinutes * 60 } : {}),
    plugins: [diagramsPlugin({ all: printing })],
  };
}

/**
 * A tap on a drawn diagram on a touch screen (a student's phone) opens it full-screen; the viewer's code
 * is loaded then. A mouse click does nothing: the lecturer's clicks stay what they were.
 */
function openDiagramsOnTap(config: DeckConfig): void {
  document.querySelector(PAGE.slides)?.addEventListener('click', (e) => {
    const pointer = (e as PointerEvent).pointerType;
    const target = e.target as Element | null;
    const figure = target?.closest<HTMLElement>(DIAGRAM.selector);
    if (!figure || !target?.closest(DIAGRAM.svg) || !pointer || pointer === 'mouse') return;
    void import('./diagram-viewer.js').then((m) => m.showDiagram(figure, uiStrings(config.lang).diagram, null));
  });
}

/**
 * reveal writes the address at most once a second, so a reload right after quick steps came back a step
 * or two early: write it at once on every step, within the browsers' own limit on history updates
 * (Chromium ignores more than ~200 in 10 s; past 100 here, reveal's delayed write is left to do it).
 */
function addressFollowsEveryStep(deck: Deck): void {
  const reveal = deck as unknown as { getSlidePath?: () => string };
  let windowStart = 0;
  let writes = 0;
  const write = () => {
    const now = Date.now();
    if (now - windowStart > 10_000) {
      windowStart = now;
      writes = 0;
    }
    const hash = reveal.getSlidePath?.();
    if (!hash || hash === '/' || ++writes > 100) return;
    if (location.hash !== `#${hash}`) history.replaceState(history.state, '', `#${hash}`);
  };
  // After reveal's own handlers (its indices are not yet updated when fragment events fire), but before
  // any other task — a reload the moment after a key press still finds the address written.
  for (const event of ['slidechanged', 'fragmentshown', 'fragmenthidden']) deck.on(event, () => queueMicrotask(write));
}

/** Presenting (and reveal's print view): reveal.js with notes, lazy diagrams and live reload. */
export async function startPresentation(config: DeckConfig, opts: { printing: boolean; speaker?: boolean; ink?: boolean }): Promise<Deck> {
  // reveal computes its print layout once, on load: diagrams (whose steps become fragments) must be
  // drawn before it, and the ready signal must wait for it.
  if (opts.printing) await diagramsSettled();
  const address = opts.printing ? undefined : initSlideAddress();
  const deck = new Reveal(revealOptions(config, opts.printing));
  window.lectern = { deck, config };
  hotUpdates(deck);
  const laidOut = opts.printing ? new Promise<void>((done) => deck.on('pdf-ready', () => done())) : undefined;
  await deck.initialize();
  installViewSwitch(deck);
  if (opts.speaker !== false) installSpeaker(deck);
  if (!opts.printing) {
    initScreenFit(deck);
    initBlackout(deck);
    installLectureNav(deck, config);
    if (opts.ink !== false) installInkKeys(deck, config);
    installFindKeys(deck, config);
    openDiagramsOnTap(config);
    addressFollowsEveryStep(deck);
    address?.attach(deck);
    initControlKeys(deck);
    if (opts.speaker !== false) initPortraitHint(deck, uiStrings(config.lang).present);
    if (opts.speaker !== false && !new URLSearchParams(location.search).has('receiver')) initPrintShortcut(uiStrings(config.lang).present);
  }
  await document.fonts.ready;
  // reveal fits `r-fit-text` (Marp's <!-- fit -->) when it lays out: again once the bundled fonts are in.
  if (!opts.printing && document.querySelector('.reveal .r-fit-text')) deck.layout();
  if (laidOut) {
    await laidOut;
    // Every slide is shown on its own page, but reveal still marks all but the first `hidden` and
    // `aria-hidden`: Chromium then leaves them out of the tagged PDF, so the PDF had no bookmarks past
    // the title and screen readers met untagged pages.
    for (const s of document.querySelectorAll('.reveal .pdf-page section')) {
      s.removeAttribute('hidden');
      s.removeAttribute('aria-hidden');
    }
    await printSavedInk();
    await imagesSettled(document);
  }
  markReady();
  return deck;
}
