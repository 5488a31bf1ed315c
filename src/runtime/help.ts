import './help.css';
import { isNamedKey, type KeyGroup, type KeyView, rowsFor } from '../model/keys.js';
import { type UiStrings, uiStrings } from '../model/ui-strings.js';
import { el } from './dom.js';

const GROUPS: readonly KeyGroup[] = ['move', 'show', 'teach', 'views'];

/** One key as a `<kbd>`: named keys in the UI language, others as written. */
function keyCap(k: string, names: UiStrings['keyNames']): HTMLElement {
  return el('kbd', {}, isNamedKey(k) ? names[k] : k);
}

/** The overlay's content: a table per group of the view's rows (KEY_TABLE), in the UI language. */
export function helpContent(view: KeyView, t: UiStrings, live?: 'lecturer' | 'audience'): HTMLElement {
  const body = el('div', { class: 'lectern-help-groups' });
  const rows = rowsFor(view, live);
  for (const group of GROUPS) {
    const inGroup = rows.filter((r) => r.group === group);
    if (!inGroup.length) continue;
    const id = `lectern-help-${group}`;
    const section = el('section', { 'aria-labelledby': id });
    const table = el('table');
    for (const row of inGroup) {
      const tr = el('tr', { 'data-action': row.action });
      const keys = el('th', { scope: 'row' });
      (row.keys[view] ?? []).forEach((k, i) => {
        if (i) keys.append(` ${t.help.or} `);
        keys.append(keyCap(k, t.keyNames));
      });
      tr.append(keys, el('td', {}, t.help[row.action]));
      table.append(tr);
    }
    section.append(el('h3', { id }, t.help[group]), table);
    body.append(section);
  }
  return body;
}

/**
 * The help overlay: a modal dialog listing every key of this view. While it is open no key reaches the
 * deck (reveal would move behind it); `?` or Escape closes it and gives focus back.
 */
export function helpOverlay(view: KeyView, lang: string | undefined, live?: 'lecturer' | 'audience') {
  const t = uiStrings(lang);
  const dialog = el('div', { class: 'lectern-help', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'lectern-help-title' });
  dialog.lang = lang ?? 'en';
  dialog.hidden = true;
  const panel = el('div', { class: 'lectern-help-panel' });
  const close = el('button', { type: 'button', class: 'lectern-help-close', 'aria-label': t.help.close }, '×');
  panel.append(
    el('h2', { id: 'lectern-help-title' }, t.help.title),
    close,
    helpContent(view, t, live),
    el('p', { class: 'lectern-help-hint' }, t.help.hint),
  );
  dialog.append(panel);
  document.body.append(dialog);
  let before: Element | null = null;

  const set = (show: boolean) => {
    if (show === !dialog.hidden) return;
    dialog.hidden = !show;
    if (show) {
      before = document.activeElement;
      close.focus({ preventScroll: true });
    } else if (before instanceof HTMLElement) before.focus({ preventScroll: true });
  };
  // Keys while open: Escape closes (`?` is the key listener's), Tab stays inside, nothing reaches the deck.
  const onKey = (e: KeyboardEvent) => {
    if (dialog.hidden) return;
    if (e.key === 'Escape') {
      e.preventDefault();
      set(false);
    }
    if (e.key !== 'Tab' && e.key !== '?' && e.key !== 'F1') e.stopImmediatePropagation();
    if (e.key === 'Tab') {
      e.preventDefault();
      close.focus();
    }
  };
  addEventListener('keydown', onKey, true);
  close.addEventListener('click', () => set(false));
  dialog.addEventListener('click', (e) => {
    if (e.target === dialog) set(false);
  });
  return {
    toggle: () => set(dialog.hidden !== false),
    destroy() {
      removeEventListener('keydown', onKey, true);
      dialog.remove();
    },
  };
}
