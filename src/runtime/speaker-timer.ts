import { fill, type UiStrings } from '../model/ui-strings.js';
import { clockTime, lectureLeft, paceOf } from './pacing.js';
import { elapsedSeconds, IDLE, phaseOf, startTimer, type TimerState, toggleTimer } from './speaker-model.js';
import type { SpeakerView } from './speaker-view.js';
import { loadTalk, onTalkChange, saveTalk } from './talk-state.js';

/**
 * The speaker view's clock: elapsed time (kept with the talk's state in localStorage, so closing and
 * reopening the speaker view, or a second one, keeps the lecture's time), the wall clock, and pacing
 * against the plan. Ticks once a second until destroyed.
 */
export function initSpeakerTimer(slug: string, view: SpeakerView, t: UiStrings['speaker']) {
  const { $, root } = view;
  let timer = loadTalk(slug).timer;
  const set = (next: TimerState) => {
    timer = next;
    saveTalk(slug, { timer });
    tick();
  };
  // Another speaker view of this talk started, paused or reset the clock.
  const unsubscribe = onTalkChange(slug, (talk) => {
    timer = talk.timer;
    tick();
  });

  /** Seconds planned per slide (null: the deck sets no duration or timings), and the current slide. */
  let plan: number[] | null = null;
  let slide: { index: number; timed: boolean } | undefined;

  const runButton = $<HTMLButtonElement>('.lectern-sv-run');
  const onRun = () => set(toggleTimer(timer, Date.now()));
  const onReset = () => set(IDLE);
  runButton.addEventListener('click', onRun);
  $('.lectern-sv-reset').addEventListener('click', onReset);

  const clockFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
  function tick() {
    const e = elapsedSeconds(timer, Date.now());
    const phase = phaseOf(timer);
    $('.lectern-sv-elapsed').textContent = clockTime(e);
    $('.lectern-sv-clock').textContent = clockFormat.format(new Date());
    root.dataset.timer = phase;
    runButton.textContent = phase === 'idle' ? t.start : phase === 'running' ? t.pause : t.resume;
    const pacing = $('.lectern-sv-pacing');
    if (!plan || !slide) {
      pacing.hidden = true;
      return;
    }
    pacing.hidden = false;
    const total = plan.reduce((a, b) => a + b, 0);
    const planned = plan[slide.index] ?? 0;
    const pace = paceOf(plan, slide.index, e);
    const state = phase === 'idle' ? 'idle' : pace.state;
    pacing.dataset.pace = state;
    $('.lectern-sv-pace-state').textContent =
      state === 'idle' ? t.notStarted : state === 'ahead' ? t.ahead : state === 'behind' ? t.behind : t.onTime;
    $('.lectern-sv-pace-by').textContent = state === 'ahead' || state === 'behind' ? fill(t.by, { time: clockTime(pace.by) }) : '';
    // Time left on this slide only means something once its planned window has begun.
    const left = state === 'on-time' ? fill(t.slideLeft, { time: clockTime(pace.slideLeft) }) : '';
    $('.lectern-sv-pace-slide').textContent = fill(slide.timed ? t.slidePlanTimed : t.slidePlan, { time: clockTime(planned) }) + left;
    const lecture = lectureLeft(plan, e);
    $('.lectern-sv-pace-total').textContent = lecture.over
      ? fill(t.lectureOver, { over: clockTime(lecture.over), total: clockTime(lecture.total) })
      : fill(t.lectureLeft, { left: clockTime(lecture.left), total: clockTime(lecture.total) });
    const slideEnd = plan.slice(0, slide.index + 1).reduce((a, b) => a + b, 0);
    const pct = (x: number) => `${total ? Math.min(100, (x / total) * 100) : 0}%`;
    $('.lectern-sv-pace-plan').style.width = pct(slideEnd);
    $('.lectern-sv-pace-used').style.width = pct(e);
  }
  const interval = setInterval(tick, 1000);

  return {
    /** The lecture begins: starts the clock unless it was started (or paused) before. */
    autoStart() {
      if (timer.start === null) set(startTimer(timer, Date.now()));
    },
    show(next: { plan: number[] | null; slide: { index: number; timed: boolean } | undefined }) {
      plan = next.plan;
      slide = next.slide;
      tick();
    },
    destroy() {
      clearInterval(interval);
      unsubscribe();
      runButton.removeEventListener('click', onRun);
      $('.lectern-sv-reset').removeEventListener('click', onReset);
    },
  };
}
