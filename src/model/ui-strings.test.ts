import { describe, expect, it } from 'vitest';
import { fill, UI_LANGS, UI_STRINGS, uiCharacters, uiLang, uiStrings, uiTexts } from './ui-strings.js';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('UI strings', () => {
  it('chooses the UI language from the deck lang', () => {
    for (const lang of ['zh-CN', 'zh_Hans', 'ZH']) expect(uiLang(lang), lang).toBe('zh');
    for (const lang of ['en-GB', 'fr', undefined]) expect(uiLang(lang), String(lang)).toBe('en');
    expect(uiStrings('zh').speaker.current).toBe('当前');
  });

  it('every language has every string, non-empty, with the same placeholders as English', () => {
    const en = UI_STRINGS.en;
    for (const lang of UI_LANGS) {
      const t = UI_STRINGS[lang];
      for (const group of Object.keys(en) as (keyof typeof en)[]) {
        expect(Object.keys(t[group]).sort(), `${lang}.${group}`).toEqual(Object.keys(en[group]).sort());
        for (const [key, value] of Object.entries(t[group]) as [string, string][]) {
          expect(value.trim(), `${lang}.${group}.${key}`).not.toBe('');
          const english = (en[group] as Record<string, string>)[key] ?? '';
          expect(placeholders(value), `${lang}.${group}.${key}`).toEqual(placeholders(english));
        }
      }
    }
  });

  it('Chinese strings are not left in English', () => {
    // Key caps (Home, End, Esc, Page Down) read the same in both languages.
    const groups = (Object.keys(UI_STRINGS.zh) as (keyof typeof UI_STRINGS.zh)[]).filter((g) => g !== 'keyNames');
    const zh = uiTexts(UI_STRINGS.zh, groups).filter((s) => !/[\u4e00-\u9fff]/.test(s.replace(/\{\w+\}/g, '')));
    // Only what is the same in both: the file type, and the pace's "by" (the number alone).
    expect(zh.sort()).toEqual(['PDF', '{time}']);
  });

  it('fills placeholders once, leaving braces in values alone', () => {
    expect(fill('· slide {n}: {title}', { n: 3, title: '{n} braces' })).toBe('· slide 3: {n} braces');
    expect(fill('{missing}', {})).toBe('{missing}');
  });

  it('lists every character of every language, placeholders removed', () => {
    const chars = uiCharacters();
    for (const c of '目录放映从此页跳到正文阅读当前下一步已用时间等待') expect(chars).toContain(c);
    expect(chars).not.toContain('{');
    expect(uiCharacters(['en'])).not.toContain('目');
  });
});
