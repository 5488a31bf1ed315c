import type { Deck } from './present.js';

/** Links between presenting and reading at the same slide (reading-mode work, issue 4). */
export function installViewSwitch(_deck: Deck): void {}
