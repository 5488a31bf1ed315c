import { isCombo, keyCodeOf, LETTER_KEYS } from '../model/keys.js';
import type { DeckConfig } from './config.js';
import { typing } from './dom.js';
import type { JumpSource } from './jump.js';

export interface Openable {
  open(text?: string): void;
  submit(): void;
}

/**
 * Opens a dialog whose code loads on first use. Keys pressed meanwhile (`G`, then `12` and Enter at once)
 * are the dialog's: held from the deck, typed into it once it is there.
 */
export function openLazily(load: () => Promise<Openable>): void {
  let text = '';
  let enter = false;
  let cancelled = false;
  const hold = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key.length === 1) text += e.key;
    else if (e.key === 'Backspace') text = text.slice(0, -1);
    else if (e.key === 'Enter') enter = true;
    else if (e.key === 'Escape') cancelled = true;
    else return;
    e.preventDefault();
    e.stopImmediatePropagation();
  };
  addEventListener('keydown', hold, true);
  void load()
    .then((dialog) => {
      if (cancelled) return;
      dialog.open(text);
      if (enter) dialog.submit();
    })
    .finally(() => removeEventListener('keydown', hold, true));
}

/**
 * Ctrl+Shift+F, in presenting and reading mode: the lecture's search panel, loaded (with MiniSearch and the
 * index) on the first press. `go` takes the found slide's 0-based place in reading order (slide 12: 11).
 */
export function installSearchKey(config: DeckConfig, go: (index: number) => void) {
  let panel: Promise<Openable> | undefined;
  const open = () => {
    if (!config.searchIndex) return;
    panel ??= import('./deck-search.js').then((m) => m.searchPanel({ lang: config.lang, index: config.searchIndex ?? '', go }));
    openLazily(() => panel as Promise<Openable>);
  };
  const onKey = (e: KeyboardEvent) => {
    if (!isCombo('CtrlShiftF', e) || typing(e)) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    open();
  };
  addEventListener('keydown', onKey, true);
  return {
    open,
    destroy() {
      removeEventListener('keydown', onKey, true);
    },
  };
}

/**
 * G where reveal does not take keys (the speaker view, reading mode): the jump box over `source`'s slides,
 * loaded on the first press. (Presenting binds G through reveal, find-keys.ts.)
 */
export function installJumpKey(lang: string | undefined, source: JumpSource) {
  let jump: Promise<Openable> | undefined;
  const onKey = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey || typing(e) || e.keyCode !== keyCodeOf(LETTER_KEYS.jump)) return;
    e.preventDefault();
    jump ??= import('./jump.js').then((m) => m.jumpBox(source, lang));
    openLazily(() => jump as Promise<Openable>);
  };
  document.addEventListener('keydown', onKey);
  return {
    destroy() {
      document.removeEventListener('keydown', onKey);
    },
  };
}
