import './fonts.css';
import './index.css';
import { HMR_EVENT } from '../model/page.js';
import { showReadingProgress } from './home-progress.js';
import { startOffline } from './offline.js';

/** The course home: the search box loads its code and index only when the reader first uses it. */
const box = document.querySelector<HTMLElement>('.course-search');
if (box) {
  const input = box.querySelector('input');
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    void import('./home-search.js').then((m) => {
      m.initSearch(box);
      // The reader may have typed while the code loaded.
      input?.dispatchEvent(new Event('input'));
    });
  };
  input?.addEventListener('input', start, { once: true });
  box.querySelector('form')?.addEventListener('submit', (e) => {
    e.preventDefault();
    start();
  });
}

showReadingProgress();
// Built site: the course opens offline, and "Keep for offline" keeps every lecture.
startOffline({ lang: document.documentElement.lang, page: 'home' });

if (import.meta.hot) import.meta.hot.on(HMR_EVENT.decks, () => location.reload());
