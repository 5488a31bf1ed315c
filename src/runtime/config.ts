import type { DeckConfig } from '../markdown/html.js';

export type { DeckConfig };

export type View = 'present' | 'print' | 'read' | 'speaker' | 'handout';

/** `?view=read` etc.; reveal's own `?print-pdf` means print. */
export function viewOf(search: string): View {
  const params = new URLSearchParams(search);
  if (params.has('print-pdf')) return 'print';
  const view = params.get('view');
  return view === 'print' || view === 'read' || view === 'speaker' || view === 'handout' ? view : 'present';
}

export function readDeckConfig(): DeckConfig {
  return JSON.parse(document.getElementById('lectern-deck')?.textContent ?? '{}') as DeckConfig;
}

/** Marks the page ready for tests and the PDF exporter: fonts loaded, diagrams drawn where asked. */
export function markReady(): void {
  document.documentElement.dataset.lecternReady = 'true';
  document.dispatchEvent(new CustomEvent('lectern:ready'));
}
