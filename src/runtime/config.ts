import type { DeckConfig } from '../model/page.js';

export { markReady, readDeckConfig } from './page-dom.js';
export type { DeckConfig };

export type View = 'present' | 'print' | 'read' | 'speaker' | 'handout';

/** `?view=read` etc.; reveal's own `?print-pdf` means print. */
export function viewOf(search: string): View {
  const params = new URLSearchParams(search);
  if (params.has('print-pdf')) return 'print';
  const view = params.get('view');
  return view === 'print' || view === 'read' || view === 'speaker' || view === 'handout' ? view : 'present';
}
