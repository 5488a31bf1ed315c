import { PAGE, pendingDiagrams, SLIDE_SIZE } from '../model/page.js';
import './speaker.css';
import type { DeckUpdate } from '../model/page.js';
import { type DeckConfig, markReady } from './config.js';
import { applyDeckUpdate } from './deck-update.js';
import { drawAll } from './diagrams.js';
import { clockTime, paceOf, planTimings } from './pacing.js';
import { channelName, type DeckPosition, type NavAction, type SpeakerMessage } from './speaker-link.js';
import { type Leaf, lastFragment, leavesOf, sortFragments } from './speaker-slides.js';

const { width: SLIDE_W, height: SLIDE_H } = SLIDE_SIZE;

const LAYOUT = `
<header class="lectern-sv-bar">
  <span class="lectern-sv-title"></span>
  <span class="lectern-sv-position"></span>
  <span class="lectern-sv-status" role="status"></span>
</header>
<section class="lectern-sv-preview lectern-sv-current" aria-label="Current slide">
  <div class="lectern-sv-label">Current <span class="lectern-sv-step"></span></div>
  <div class="lectern-sv-screen"><div class="reveal lectern-sv-reveal"><div class="slides"></div></div></div>
</section>
<div class="lectern-sv-lower">
  <section class="lectern-sv-preview lectern-sv-next" aria-label="Next">
    <div class="lectern-sv-label">Next <span class="lectern-sv-next-what"></span></div>
    <div class="lectern-sv-screen" title="Click to advance"><div class="reveal lectern-sv-reveal"><div class="slides"></div></div></div>
  </section>
  <section class="lectern-sv-time" aria-label="Time">
    <div class="lectern-sv-clocks">
      <div><span class="lectern-sv-k">Elapsed</span><span class="lectern-sv-elapsed">0:00</span></div>
      <div><span class="lectern-sv-k">Clock</span><span class="lectern-sv-clock"></span></div>
    </div>
    <div class="lectern-sv-pacing" hidden>
      <div class="lectern-sv-pace"><span class="lectern-sv-pace-state"></span> <span class="lectern-sv-pace-by"></span></div>
      <div class="lectern-sv-pace-detail lectern-sv-pace-slide"></div>
      <div class="lectern-sv-pace-detail lectern-sv-pace-total"></div>
      <div class="lectern-sv-pace-bar" aria-hidden="true"><span class="lectern-sv-pace-plan"></span><span class="lectern-sv-pace-used"></span></div>
    </div>
    <div class="lectern-sv-buttons">
      <button type="button" class="lectern-sv-run">Start timer</button>
      <button type="button" class="lectern-sv-reset">Reset</button>
    </div>
  </section>
</div>
<section class="lectern-sv-notes" aria-label="Speaker notes">
  <h1 class="lectern-sv-slide-title"></h1>
  <div class="lectern-sv-notes-body"></div>
</section>`;

/** Timer state kept per tab, so reloading the speaker view does not lose the lecture's elapsed time. */
interface TimerState {
  start: number | null;
  pausedAt: number | null;
}

/**
 * The speaker view (`?view=speaker`): current and next slide drawn from this page's own copy of the deck,
 * the notes, elapsed time, clock and pacing. Follows the deck over a BroadcastChannel and drives it.
 */
export function startSpeaker(config: DeckConfig): void {
  const slug = config.slug ?? '';
  const source = document.querySelector(PAGE.slides);
  document.querySelector('.reveal')?.remove();
  const template = document.createElement('div');
  template.className = 'slides';
  template.innerHTML = source?.innerHTML ?? '';
  let leaves = leavesOf(template);

  document.title = `Speaker view — ${config.title ?? slug}`;
  document.body.className = 'lectern-speaker';
  const root = document.createElement('main');
  root.className = 'lectern-sv';
  root.innerHTML = LAYOUT;
  document.body.append(root);
  const $ = <T extends Element = HTMLElement>(sel: string) => root.querySelector(sel) as T;
  $('.lectern-sv-title').textContent = config.title ?? slug;
  const currentBox = $('.lectern-sv-current');
  const nextBox = $('.lectern-sv-next');

  // Preview screens: a 1280×720 `.reveal` scaled to fit, so the theme applies as on the projector.
  const fitScreen = (screen: HTMLElement) => {
    const reveal = screen.querySelector<HTMLElement>('.lectern-sv-reveal');
    if (!reveal) return;
    const { clientWidth: w, clientHeight: h } = screen;
    const s = Math.min(w / SLIDE_W, h / SLIDE_H) || 0;
    reveal.style.transform = `translate(${(w - SLIDE_W * s) / 2}px, ${(h - SLIDE_H * s) / 2}px) scale(${s})`;
  };
  const observer = new ResizeObserver((entries) => {
    for (const e of entries) fitScreen(e.target as HTMLElement);
  });
  for (const screen of root.querySelectorAll<HTMLElement>('.lectern-sv-screen')) observer.observe(screen);

  // ---- where the deck is ----
  let pos: DeckPosition = { h: 0, v: 0, f: -1 };
  let connected = false;
  let closed = false;
  let paused = false;
  const leafAt = (p: DeckPosition): Leaf | undefined =>
    leaves.find((l) => l.h === p.h && l.v === p.v) ?? leaves.find((l) => l.h === p.h) ?? leaves[0];
  /** What `next` will show: the next fragment of this slide, or the next slide before its fragments. */
  const nextOf = (p: DeckPosition): { leaf: Leaf; f: number; step: boolean } | null => {
    const leaf = leafAt(p);
    if (!leaf) return null;
    if (p.f < lastFragment(leaf.el)) return { leaf, f: p.f + 1, step: true };
    const after = leaves[leaf.index + 1];
    return after ? { leaf: after, f: -1, step: false } : null;
  };
  const prevOf = (p: DeckPosition): DeckPosition => {
    if (p.f > -1) return { ...p, f: p.f - 1 };
    const leaf = leafAt(p);
    const before = leaf ? leaves[leaf.index - 1] : undefined;
    return before ? { h: before.h, v: before.v, f: lastFragment(before.el) } : p;
  };

  const showSlide = (box: HTMLElement, leaf: Leaf | undefined, f: number) => {
    const slides = box.querySelector('.slides');
    if (!slides) return;
    if (!leaf) {
      slides.replaceChildren();
      box.classList.add('lectern-sv-end');
      return;
    }
    box.classList.remove('lectern-sv-end');
    const clone = leaf.el.cloneNode(true) as HTMLElement;
    clone.removeAttribute('id');
    clone.classList.remove('past', 'future', 'stack');
    clone.classList.add('present');
    for (const n of clone.querySelectorAll('aside.notes')) n.remove();
    for (const el of clone.querySelectorAll('.fragment')) {
      const i = Number.parseInt(el.getAttribute('data-fragment-index') ?? '0', 10);
      el.classList.toggle('visible', i <= f);
      el.classList.toggle('current-fragment', i === f);
    }
    clone.setAttribute('data-fragment', String(f));
    slides.replaceChildren(clone);
  };

  const notesOf = (leaf: Leaf, f: number): string => {
    const own = [...leaf.el.querySelectorAll<HTMLElement>(`.fragment[data-fragment-index="${f}"] aside.notes`)];
    const notes = own.length ? own : [...leaf.el.querySelectorAll<HTMLElement>('aside.notes')].filter((n) => !n.closest('.fragment'));
    if (notes.length) return notes.map((n) => n.innerHTML).join('\n');
    const attr = leaf.el.getAttribute('data-notes');
    if (attr) {
      const p = document.createElement('p');
      p.textContent = attr;
      return p.outerHTML;
    }
    return '';
  };

  let shownLeaf: Leaf | undefined;
  const render = () => {
    const leaf = leafAt(pos);
    const f = Math.min(pos.f, leaf ? lastFragment(leaf.el) : -1);
    showSlide(currentBox, leaf, f);
    const next = nextOf({ ...pos, f });
    showSlide(nextBox, next?.leaf, next?.f ?? -1);
    const steps = leaf ? lastFragment(leaf.el) + 1 : 0;
    $('.lectern-sv-step').textContent = steps ? `· ${f + 1} of ${steps} steps shown` : '';
    $('.lectern-sv-next-what').textContent = !next
      ? '· end of deck'
      : next.step
        ? `· step ${next.f + 1} of ${steps} on this slide`
        : `· slide ${next.leaf.index + 1}${next.leaf.el.dataset.title ? `: ${next.leaf.el.dataset.title}` : ''}`;
    $('.lectern-sv-position').textContent = leaf ? `${leaf.index + 1} / ${leaves.length}` : '';
    $('.lectern-sv-slide-title').textContent = leaf ? `${leaf.index + 1}. ${leaf.el.dataset.title ?? ''}` : '';
    const body = $('.lectern-sv-notes-body');
    const html = leaf ? notesOf(leaf, f) : '';
    if (body.dataset.html !== html) {
      body.innerHTML = html || '<p class="lectern-sv-none">No notes for this slide.</p>';
      body.dataset.html = html;
      for (const a of body.querySelectorAll('a[href]')) {
        a.setAttribute('target', '_blank');
        a.setAttribute('rel', 'noopener');
      }
    }
    if (leaf !== shownLeaf) $('.lectern-sv-notes').scrollTop = 0;
    shownLeaf = leaf;
    root.dataset.slide = leaf ? String(leaf.index + 1) : '';
    root.classList.toggle('lectern-sv-paused', paused);
    void drawNear(leaf);
    tick();
  };

  /** Diagrams of the current, next and following slide, drawn once into the template, then re-shown. */
  const drawNear = async (leaf: Leaf | undefined) => {
    if (!leaf || !config.hasMermaid) return;
    const near = leaves.slice(leaf.index, leaf.index + 3);
    const figures = near.flatMap((l) => [...l.el.querySelectorAll<HTMLElement>(pendingDiagrams)]);
    if (figures.length === 0) return;
    await drawAll(figures);
    for (const l of near) sortFragments(l.el);
    render();
  };

  const status = () => {
    const el = $('.lectern-sv-status');
    el.dataset.connected = String(connected);
    el.textContent = connected
      ? paused
        ? 'Presentation paused (B)'
        : 'Following the presentation'
      : closed
        ? 'Presentation closed: reopen it to follow it again'
        : 'Waiting for the presentation (open the deck in this browser)';
  };

  // ---- timer and pacing ----
  const timerKey = `lectern-speaker-timer:${slug}`;
  const readTimer = (): TimerState => {
    try {
      return { start: null, pausedAt: null, ...JSON.parse(sessionStorage.getItem(timerKey) ?? '{}') };
    } catch {
      return { start: null, pausedAt: null };
    }
  };
  let timer = readTimer();
  const saveTimer = () => {
    try {
      sessionStorage.setItem(timerKey, JSON.stringify(timer));
    } catch {}
  };
  const elapsed = () => (timer.start === null ? 0 : ((timer.pausedAt ?? Date.now()) - timer.start) / 1000);
  const startTimer = () => {
    if (timer.start === null) timer = { start: Date.now(), pausedAt: null };
    else if (timer.pausedAt !== null) timer = { start: timer.start + Date.now() - timer.pausedAt, pausedAt: null };
    saveTimer();
    tick();
  };
  const runButton = $<HTMLButtonElement>('.lectern-sv-run');
  runButton.addEventListener('click', () => {
    if (timer.start !== null && timer.pausedAt === null) timer.pausedAt = Date.now();
    else startTimer();
    saveTimer();
    tick();
  });
  $('.lectern-sv-reset').addEventListener('click', () => {
    timer = { start: null, pausedAt: null };
    saveTimer();
    tick();
  });

  const rawTimings = () =>
    leaves.map((l) => {
      const t = Number.parseInt(l.el.getAttribute('data-timing') ?? '', 10);
      return Number.isFinite(t) ? t : null;
    });
  const totalSeconds = config.durationMinutes ? config.durationMinutes * 60 : undefined;
  let plan = planTimings(rawTimings(), totalSeconds);

  const clockFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
  function tick() {
    const e = elapsed();
    const running = timer.start !== null && timer.pausedAt === null;
    $('.lectern-sv-elapsed').textContent = clockTime(e);
    $('.lectern-sv-clock').textContent = clockFormat.format(new Date());
    root.dataset.timer = timer.start === null ? 'idle' : running ? 'running' : 'paused';
    runButton.textContent = timer.start === null ? 'Start timer' : running ? 'Pause timer' : 'Resume timer';
    const pacing = $('.lectern-sv-pacing');
    const leaf = leafAt(pos);
    if (!plan || !leaf) {
      pacing.hidden = true;
      return;
    }
    pacing.hidden = false;
    const total = plan.reduce((a, b) => a + b, 0);
    const planned = plan[leaf.index] ?? 0;
    const pace = paceOf(plan, leaf.index, e);
    const state = timer.start === null ? 'idle' : pace.state;
    pacing.dataset.pace = state;
    $('.lectern-sv-pace-state').textContent =
      state === 'idle' ? 'Not started' : state === 'ahead' ? '▲ Ahead' : state === 'behind' ? '▼ Behind' : '● On time';
    $('.lectern-sv-pace-by').textContent = state === 'ahead' || state === 'behind' ? `by ${clockTime(pace.by)}` : '';
    const timed = leaf.el.hasAttribute('data-timing') ? ' (data-timing)' : '';
    // Time left on this slide only means something once its planned window has begun.
    const left = state === 'on-time' ? ` · ${clockTime(pace.slideLeft)} left` : '';
    $('.lectern-sv-pace-slide').textContent = `This slide: ${clockTime(planned)} planned${timed}${left}`;
    $('.lectern-sv-pace-total').textContent =
      e > total
        ? `Lecture: ${clockTime(e - total)} over ${clockTime(total)}`
        : `Lecture: ${clockTime(total - e)} left of ${clockTime(total)}`;
    const slideEnd = plan.slice(0, leaf.index + 1).reduce((a, b) => a + b, 0);
    const pct = (x: number) => `${total ? Math.min(100, (x / total) * 100) : 0}%`;
    $('.lectern-sv-pace-plan').style.width = pct(slideEnd);
    $('.lectern-sv-pace-used').style.width = pct(e);
  }
  setInterval(tick, 1000);

  // ---- talking to the deck ----
  const channel = new BroadcastChannel(channelName(slug));
  const send = (m: SpeakerMessage) => channel.postMessage(m);
  channel.addEventListener('message', (event: MessageEvent<SpeakerMessage>) => {
    const m = event.data;
    if (m.type === 'state') {
      const moved = connected && (m.h !== pos.h || m.v !== pos.v || m.f !== pos.f);
      connected = true;
      closed = false;
      paused = m.paused;
      pos = { h: m.h, v: m.v, f: m.f };
      // The clock starts with the first step of the lecture, unless started by hand before.
      if (moved && timer.start === null) startTimer();
      status();
      render();
    } else if (m.type === 'bye') {
      connected = false;
      closed = true;
      status();
    }
  });
  const hello = () => {
    if (!connected) send({ type: 'hello' });
  };
  hello();
  setInterval(hello, 1500);

  /** Without a deck to follow (rehearsing with notes alone), step locally. */
  const local = (action: NavAction) => {
    if (action === 'next' || action === 'right' || action === 'down') {
      const n = nextOf(pos);
      if (n) pos = { h: n.leaf.h, v: n.leaf.v, f: n.f };
    } else if (action === 'prev' || action === 'left' || action === 'up') pos = prevOf(pos);
    else if (action === 'first') pos = { h: 0, v: 0, f: -1 };
    else if (action === 'last') {
      const l = leaves.at(-1);
      if (l) pos = { h: l.h, v: l.v, f: -1 };
    }
    render();
  };
  const nav = (action: NavAction) => (connected ? send({ type: 'nav', action }) : local(action));

  const KEYS: Record<string, NavAction> = {
    ArrowRight: 'right',
    ArrowLeft: 'left',
    ArrowUp: 'up',
    ArrowDown: 'down',
    PageDown: 'next',
    PageUp: 'prev',
    ' ': 'next',
    n: 'next',
    p: 'prev',
    Home: 'first',
    End: 'last',
    b: 'pause',
    '.': 'pause',
  };
  document.addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const target = e.target as HTMLElement | null;
    if (target?.closest('button, a, input, textarea, select') && (e.key === ' ' || e.key === 'Enter')) return;
    const action = e.key === ' ' && e.shiftKey ? 'prev' : KEYS[e.key.length === 1 ? e.key.toLowerCase() : e.key];
    if (!action) return;
    e.preventDefault();
    nav(action);
  });
  $('.lectern-sv-next .lectern-sv-screen').addEventListener('click', () => nav('next'));
  // A clicked button keeps no focus, so a clicker's Space still advances the deck instead of pressing it again.
  for (const b of root.querySelectorAll('button')) b.addEventListener('click', () => b.blur());

  // Dev server: new slide markup arrives over HMR, as it does for the deck.
  import.meta.hot?.on('lectern:deck', (update: DeckUpdate) => {
    if (update.slug !== slug) return;
    if (!applyDeckUpdate(template, update)) {
      location.reload();
      return;
    }
    leaves = leavesOf(template);
    plan = planTimings(rawTimings(), update.config.durationMinutes ? update.config.durationMinutes * 60 : undefined);
    render();
  });

  status();
  render();
  for (const screen of root.querySelectorAll<HTMLElement>('.lectern-sv-screen')) fitScreen(screen);
  void document.fonts.ready.then(() => markReady());
}
