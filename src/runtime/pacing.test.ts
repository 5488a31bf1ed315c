import { describe, expect, it } from 'vitest';
import { clockTime, lectureLeft, paceOf, planTimings } from './pacing.js';

describe('clockTime', () => {
  it('shows m:ss, and h:mm:ss past an hour', () => {
    expect(clockTime(0)).toBe('0:00');
    expect(clockTime(59.9)).toBe('0:59');
    expect(clockTime(61)).toBe('1:01');
    expect(clockTime(3600 + 5 * 60 + 7)).toBe('1:05:07');
    expect(clockTime(-75)).toBe('1:15'); // time over: the sign is shown elsewhere
  });
});

describe('planTimings', () => {
  it('is null when the deck sets neither a duration nor data-timing', () => {
    expect(planTimings([null, null, null])).toBeNull();
  });

  it('shares the duration equally when no slide has its own timing', () => {
    expect(planTimings([null, null, null, null], 40 * 60)).toEqual([600, 600, 600, 600]);
  });

  it('gives data-timing slides their own budget and shares the rest among the others', () => {
    expect(planTimings([60, null, null, 120], 600)).toEqual([60, 210, 210, 120]);
  });

  it('never plans negative time when fixed timings exceed the duration', () => {
    expect(planTimings([500, null, 500], 600)).toEqual([500, 0, 500]);
  });

  it('uses data-timing alone when there is no duration', () => {
    expect(planTimings([30, null, 90])).toEqual([30, 0, 90]);
  });
});

describe('paceOf', () => {
  const plan = [60, 120, 60]; // slide 2 is planned for 1:00–3:00

  it('is on time inside the slide’s window, with the time left on it', () => {
    expect(paceOf(plan, 1, 100)).toEqual({ state: 'on-time', by: 0, slideLeft: 80 });
  });

  it('is ahead before the window starts, by how much', () => {
    expect(paceOf(plan, 1, 45)).toEqual({ state: 'ahead', by: 15, slideLeft: 135 });
  });

  it('is behind after the window ends, by how much', () => {
    expect(paceOf(plan, 1, 200)).toEqual({ state: 'behind', by: 20, slideLeft: -20 });
  });
});

describe('lectureLeft', () => {
  it('counts down from the whole duration: 50:00 left of 50:00 before the first second has passed', () => {
    const plan = planTimings(Array<null>(17).fill(null), 50 * 60) ?? [];
    expect(lectureLeft(plan, 0)).toEqual({ total: 3000, left: 3000, over: 0 });
    expect(clockTime(lectureLeft(plan, 0.4).left)).toBe('50:00');
    expect(clockTime(lectureLeft(plan, 1).left)).toBe('49:59');
    expect(lectureLeft(plan, 3000.2)).toEqual({ total: 3000, left: 0, over: 1 });
  });
});
