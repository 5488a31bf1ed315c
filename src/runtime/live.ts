import './live.css';
import { LIVE_CONFIG_ID, type LivePageConfig } from '../model/live.js';
import { uiStrings } from '../model/ui-strings.js';
import type { DeckConfig } from './config.js';
import { type Controller, followInDeck, followInReading } from './live-follow.js';
import { leadFromDeck } from './live-lecturer.js';
import { startPresentation } from './present.js';

/** The config `npm run live` put into this page, if it did (see src/live/server.ts). */
export function readLiveConfig(): LivePageConfig | undefined {
  const text = document.getElementById(LIVE_CONFIG_ID)?.textContent;
  if (!text) return undefined;
  try {
    return JSON.parse(text) as LivePageConfig;
  } catch {
    return undefined;
  }
}

/**
 * A deck page served by `npm run live`: the lecturer's deck drives, audience pages (presenting or
 * reading) follow. A late joiner opens at the lecture's position before its socket has connected.
 */
export async function startLive(
  config: DeckConfig,
  live: LivePageConfig | undefined,
  view: 'present' | 'read',
): Promise<Controller | undefined> {
  const t = uiStrings(config.lang).live;
  // An unreadable config is an audience page: only the server's say-so (and the socket's key check) makes a lecturer.
  const audience = live?.role !== 'lecturer';
  const pos = live?.pos ?? null;
  if (view === 'read') {
    if (audience && pos?.id) history.replaceState(history.state, '', `#${encodeURIComponent(pos.id)}`);
    const reading = await (await import('./reading.js')).startReading(config, { savedInk: !audience });
    return audience ? followInReading(t, pos, reading.cards) : undefined;
  }
  if (audience && pos) history.replaceState(history.state, '', `#/${pos.h}/${pos.v}${pos.f >= 0 ? `/${pos.f}` : ''}`);
  // Followers do not drive a speaker view (it would share the lecturer's channel in the same browser).
  // …nor draw: they are shown the lecturer's ink (live-ink.ts), not their own or the saved file's.
  const deck = await startPresentation(config, { printing: false, speaker: !audience, ink: !audience });
  return audience ? followInDeck(deck, t, pos) : leadFromDeck(deck, t, live?.audienceUrl ?? '', config.slug ?? '');
}
