import { describe, expect, it } from 'vitest';
import { keyMove } from '../runtime/reading-model.js';
import { actionOfKey, SPEAKER_KEYS } from '../runtime/speaker-model.js';
import { eventKeys, isCombo, isNamedKey, KEY_TABLE, NAMED_KEYS, rowsFor } from './keys.js';
import { UI_LANGS, UI_STRINGS } from './ui-strings.js';

const ctx = { now: 3, total: 10, scrollY: 0, alignedY: () => 0, page: 600, inScroller: false, animating: false };

describe('the key table', () => {
  it('has a description for every action and a name for every named key, in every UI language', () => {
    for (const lang of UI_LANGS) {
      for (const row of KEY_TABLE) expect(UI_STRINGS[lang].help[row.action], `${lang} ${row.action}`).toBeTruthy();
      for (const k of NAMED_KEYS) expect(UI_STRINGS[lang].keyNames[k], `${lang} ${k}`).toBeTruthy();
    }
  });

  it("lists exactly the speaker view's keys", () => {
    const nav = ['next', 'prev', 'upDown', 'firstLast', 'pause'];
    const listed = rowsFor('speaker').flatMap((r) => (nav.includes(r.action) ? (r.keys.speaker ?? []).flatMap(eventKeys) : []));
    for (const key of listed) expect(actionOfKey(key, false), key).toBeDefined();
    for (const key of Object.keys(SPEAKER_KEYS))
      expect(
        listed.map((k) => (k.length === 1 ? k.toLowerCase() : k)),
        key,
      ).toContain(key);
  });

  it('lists keys that reading mode answers to', () => {
    for (const row of rowsFor('read')) {
      if (row.action !== 'next' && row.action !== 'prev' && row.action !== 'firstLast') continue;
      for (const key of (row.keys.read ?? []).flatMap(eventKeys))
        expect(keyMove(key.length === 1 ? key.toLowerCase() : key, ctx), key).not.toBeNull();
    }
  });

  it('shows live keys only on a live page of that role', () => {
    expect(rowsFor('present').map((r) => r.action)).not.toContain('qr');
    expect(rowsFor('present', 'lecturer').map((r) => r.action)).toContain('qr');
    expect(rowsFor('present', 'audience').map((r) => r.action)).toEqual(expect.arrayContaining(['backToLive']));
    expect(rowsFor('present', 'audience').map((r) => r.action)).not.toContain('qr');
  });

  it('turns table keys into KeyboardEvent keys', () => {
    expect(eventKeys('Space')).toEqual([' ']);
    expect(eventKeys('N')).toEqual(['n', 'N']);
    expect(eventKeys('AltClick')).toEqual([]);
    expect(isNamedKey('?')).toBe(false);
  });
});

describe('key combinations', () => {
  const ev = (key: string, mods: Partial<Record<'ctrlKey' | 'shiftKey' | 'altKey' | 'metaKey', boolean>> = {}) => ({
    key,
    ctrlKey: false,
    shiftKey: false,
    altKey: false,
    metaKey: false,
    ...mods,
  });
  it('knows Ctrl+Shift+F and nothing near it', () => {
    expect(isCombo('CtrlShiftF', ev('F', { ctrlKey: true, shiftKey: true }))).toBe(true);
    expect(isCombo('CtrlShiftF', ev('f', { ctrlKey: true, shiftKey: true }))).toBe(true);
    expect(isCombo('CtrlShiftF', ev('f', { ctrlKey: true }))).toBe(false);
    expect(isCombo('CtrlShiftF', ev('F', { metaKey: true, shiftKey: true }))).toBe(false);
    expect(isCombo('CtrlShiftF', ev('F', { ctrlKey: true, shiftKey: true, altKey: true }))).toBe(false);
    expect(isCombo('Space', ev(' '))).toBe(false);
  });
  it('lists search and zoom where they work', () => {
    expect(rowsFor('present').map((r) => r.action)).toEqual(expect.arrayContaining(['jump', 'search', 'zoom', 'overview']));
    expect(rowsFor('read').map((r) => r.action)).toContain('search');
  });
});
