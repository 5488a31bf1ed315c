import type { DeckConfig } from './config.js';

export function startHandout(_config: DeckConfig): void {
  throw new Error('handout view: being built (issue 4)');
}
