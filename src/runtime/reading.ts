import type { DeckConfig } from './config.js';

export function startReading(_config: DeckConfig): void {
  throw new Error('reading mode: being built (issue 4)');
}
