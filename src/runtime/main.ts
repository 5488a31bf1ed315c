import 'reveal.js/reveal.css';
import 'katex/dist/katex.min.css';
import './fonts.css';
import './theme.css';
import './print.css';
import './reading-early.css';
import { LIVE_CONFIG_ID } from '../model/live.js';
import { readDeckConfig, viewOf } from './config.js';
import { installHelpKey } from './help-key.js';
import { startOffline } from './offline.js';
import { openFoldsForPrint } from './open-folds.js';
import { startPresentation } from './present.js';
import { loadFontsOfAllSlides } from './print-fonts.js';

/** One page per deck, several ways to use it: `?view=read`, `?view=speaker`, `?view=handout`, or presenting. */
// The checker, the PDF exporter and the e2e tests ask the page through this (a chunk of its own).
window.lecternInspector = () => import('./inspect.js').then((m) => m.inspector);
const config = readDeckConfig();
const view = viewOf(location.search);
// Served by `npm run live`: the page carries a live config, and the live code is loaded only then.
const liveView = (view === 'present' || view === 'read') && document.getElementById(LIVE_CONFIG_ID) ? view : undefined;
if (liveView)
  void import('./live.js').then((m) => {
    const live = m.readLiveConfig();
    installHelpKey(liveView, config.lang, live?.role === 'lecturer' ? 'lecturer' : 'audience');
    return m.startLive(config, live, liveView);
  });
else if (view === 'read') void import('./reading.js').then((m) => m.startReading(config));
else if (view === 'speaker') void import('./speaker.js').then((m) => m.startSpeaker(config));
else if (view === 'handout') void import('./handout.js').then((m) => m.startHandout(config));
else void startPresentation(config, { printing: view === 'print' });
// Folded callouts print open.
openFoldsForPrint(view === 'print' || view === 'handout');
// `?` shows the keys of the view (the live page's, with its role's keys, above).
if (!liveView && (view === 'present' || view === 'read' || view === 'speaker')) installHelpKey(view, config.lang);
// After the diagrams have asked for Mermaid (microtasks run before a timer), so both download together.
if (view === 'print' || view === 'handout') setTimeout(() => void loadFontsOfAllSlides(), 0);
// Built site: opens again offline once opened (the service worker registers after load, when idle).
if (view !== 'print' && view !== 'handout') startOffline({ lang: config.lang, page: 'lecture' });
