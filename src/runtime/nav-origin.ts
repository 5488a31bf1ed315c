/**
 * Whether a reveal.js position change was made by code (a live follower applying the lecturer's
 * position, diagrams re-syncing their steps) rather than by the person at this page.
 */
let depth = 0;

export function programmatic<T>(change: () => T): T {
  depth++;
  try {
    return change();
  } finally {
    depth--;
  }
}

export const isProgrammatic = (): boolean => depth > 0;
