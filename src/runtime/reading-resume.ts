/** Reading mode remembers, per deck, where the reader was (localStorage); the URL hash wins over it. */

export interface Saved {
  id: string;
  /** How far into the slide the reader had scrolled, as a fraction of its height. */
  offset: number;
}

function storageKey(slug: string): string {
  return `lectern:read:${slug}`;
}

export function loadSaved(slug: string): Saved | undefined {
  try {
    const raw = localStorage.getItem(storageKey(slug));
    const data = raw ? (JSON.parse(raw) as Partial<Saved>) : undefined;
    if (data && typeof data.id === 'string') return { id: data.id, offset: Number(data.offset) || 0 };
  } catch {
    // Storage may be disabled (private mode, file://): reading still works, without resume.
  }
  return undefined;
}

export function save(slug: string, saved: Saved): void {
  try {
    localStorage.setItem(storageKey(slug), JSON.stringify(saved));
  } catch {
    // See loadSaved.
  }
}
