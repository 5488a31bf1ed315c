import './print-shortcut.css';
import { PAGE, printQuery } from '../model/page.js';
import type { UiStrings } from '../model/ui-strings.js';
import { el } from './dom.js';

/**
 * Ctrl+P (Cmd+P) while presenting prints what `npm run pdf` prints. reveal.js lays out its print view
 * only when a page is loaded with `?view=print` (`?print-pdf`), and `beforeprint` cannot wait for
 * diagrams and fonts, so the key is taken before the browser sees it: the deck's print view is loaded in
 * a hidden frame, and once it is ready (every diagram drawn, fonts in, reveal's 1280×720 pages laid out)
 * that frame is printed. Printing from the browser's menu cannot be intercepted: the printout then says
 * how to print every slide instead of showing a cut-off screen.
 */

/** Longest wait for the print view to be ready. */
const READY_TIMEOUT_MS = 60_000;
export const PRINT_FRAME_CLASS = 'lectern-print-frame';

export function initPrintShortcut(t: UiStrings['present']): { destroy(): void } {
  let frame: HTMLIFrameElement | undefined;
  const status = el('div', { class: 'lectern-print-status', role: 'status' });
  const hint = el('p', { class: 'lectern-print-hint' }, t.printHint);
  document.body.append(status, hint);
  document.documentElement.classList.add('lectern-print-shortcut');

  const done = () => {
    frame?.remove();
    frame = undefined;
    status.textContent = '';
    status.classList.remove('is-shown');
  };

  const print = () => {
    if (frame) return;
    status.textContent = t.printing;
    status.classList.add('is-shown');
    const url = new URL(location.href);
    url.search = printQuery('slides', false);
    url.hash = '';
    const f = el('iframe', { class: PRINT_FRAME_CLASS, src: url.href, title: t.printing, tabindex: '-1', 'aria-hidden': 'true' });
    frame = f;
    const started = Date.now();
    const poll = () => {
      if (frame !== f) return;
      const doc = f.contentDocument;
      const win = f.contentWindow;
      if (
        doc &&
        win &&
        doc.documentElement.getAttribute(PAGE.readyAttr) === 'true' &&
        !doc.documentElement.classList.contains('loading-scroll-mode')
      ) {
        status.classList.remove('is-shown');
        win.focus();
        win.print();
        // print() returns when the dialog closes; some browsers return at once: keep the frame a while.
        setTimeout(() => {
          if (frame === f) done();
        }, 1000);
        return;
      }
      if (Date.now() - started > READY_TIMEOUT_MS) {
        status.textContent = t.printFailed;
        setTimeout(done, 4000);
        return;
      }
      setTimeout(poll, 100);
    };
    f.addEventListener('load', poll, { once: true });
    document.body.append(f);
  };

  const onKey = (e: KeyboardEvent) => {
    if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'p') {
      e.preventDefault();
      e.stopPropagation();
      print();
    }
  };
  addEventListener('keydown', onKey, true);
  return {
    destroy() {
      removeEventListener('keydown', onKey, true);
      done();
      status.remove();
      hint.remove();
      document.documentElement.classList.remove('lectern-print-shortcut');
    },
  };
}
