/**
 * Every string Lectern itself shows to a viewer (not the lecturer's slides), once per UI language, chosen
 * by the deck's `lang`. Views import their strings from here, and the build subsets the bundled font to
 * the characters of all of them (`uiCharacters`), so a string added here can never render without a glyph.
 *
 * Each group (a view or an area) is its own module in ui-strings/, English and Chinese side by side, the
 * Chinese typed by the English so neither can miss a key.
 *
 * Pure data: no DOM, no Node. Values with `{name}` placeholders are filled by `fill`; a placeholder is
 * always ASCII, so the characters of a value are exactly what it can add to the page.
 */

import { callouts } from './ui-strings/callouts.js';
import { diagram } from './ui-strings/diagram.js';
import { errors } from './ui-strings/errors.js';
import { find } from './ui-strings/find.js';
import { help } from './ui-strings/help.js';
import { home } from './ui-strings/home.js';
import { ink } from './ui-strings/ink.js';
import { keyNames } from './ui-strings/key-names.js';
import { live } from './ui-strings/live.js';
import { offline } from './ui-strings/offline.js';
import { present } from './ui-strings/present.js';
import { reading } from './ui-strings/reading.js';
import { site } from './ui-strings/site.js';
import { speaker } from './ui-strings/speaker.js';

export const UI_LANGS = ['en', 'zh'] as const;
export type UiLang = (typeof UI_LANGS)[number];

/** One group's strings in every UI language: each group is a module of ui-strings/, its languages side by side. */
export type Translations<T> = Record<UiLang, T>;

/** The groups, one per view or area, in the order uiTexts lists them. */
const GROUPS = { present, reading, diagram, speaker, home, live, ink, find, help, keyNames, errors, callouts, offline, site };
type Groups = typeof GROUPS;
export type UiStrings = { [G in keyof Groups]: Groups[G]['en'] };

const inLang = (lang: UiLang): UiStrings =>
  Object.fromEntries(Object.entries(GROUPS).map(([group, strings]) => [group, strings[lang]])) as UiStrings;

export const UI_STRINGS: Record<UiLang, UiStrings> = { en: inLang('en'), zh: inLang('zh') };

/** The UI language for a deck's `lang` (BCP 47: `zh`, `zh-CN`, `zh-Hans`… → zh); English otherwise. */
export function uiLang(lang: string | undefined): UiLang {
  const primary = (lang ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return (UI_LANGS as readonly string[]).includes(primary) ? (primary as UiLang) : 'en';
}

export function uiStrings(lang: string | undefined): UiStrings {
  return UI_STRINGS[uiLang(lang)];
}

/** `template` with each `{name}` replaced by `values[name]` (left as is when not given). */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** Every string value of `strings`, or of the given groups only. */
export function uiTexts(strings: UiStrings, groups: readonly (keyof UiStrings)[] = Object.keys(strings) as (keyof UiStrings)[]): string[] {
  return groups.flatMap((g) => Object.values(strings[g]) as string[]);
}

/** Every character any view can show in any UI language (placeholders removed): what the font must cover. */
export function uiCharacters(langs: readonly UiLang[] = UI_LANGS): string {
  const text = langs
    .flatMap((l) => uiTexts(UI_STRINGS[l]))
    .join('')
    .replace(/\{\w+\}/g, '');
  return [...new Set(text)].sort().join('');
}

/** The UI text a deck in `lang` can show (all its views), for its font subset. */
export function uiText(lang: string | undefined): string {
  return uiTexts(uiStrings(lang)).join('');
}
