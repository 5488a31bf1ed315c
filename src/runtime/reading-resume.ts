/** Reading mode remembers, per deck, where the reader was (localStorage); the URL hash wins over it. */

export interface Saved {
  id: string;
  /** How far into the slide the reader had scrolled, as a fraction of its height. */
  offset: number;
  /** The slide's place in the lecture (0-based) and the lecture's number of slides: the course home shows it. */
  index?: number;
  total?: number;
}

function storageKey(slug: string): string {
  return `lectern:read:${slug}`;
}

export function loadSaved(slug: string): Saved | undefined {
  try {
    const raw = localStorage.getItem(storageKey(slug));
    const data = raw ? (JSON.parse(raw) as Partial<Saved>) : undefined;
    if (data && typeof data.id === 'string') {
      const place = Number.isInteger(data.index) && Number.isInteger(data.total) ? { index: data.index, total: data.total } : {};
      return { id: data.id, offset: Number(data.offset) || 0, ...place };
    }
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
