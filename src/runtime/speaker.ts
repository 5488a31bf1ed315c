import type { DeckConfig } from './config.js';

export function startSpeaker(_config: DeckConfig): void {
  throw new Error('speaker tab: being built (issue 4)');
}
