import 'reveal.js/reveal.css';
import 'katex/dist/katex.min.css';
import './fonts.css';
import './theme.css';
import Reveal from 'reveal.js';
import Notes from 'reveal.js/plugin/notes';
import type { DeckConfig } from '../markdown/html.js';
import { diagramsPlugin, diagramsSettled } from './diagrams.js';
import { hotUpdates } from './hmr.js';

const config = JSON.parse(document.getElementById('lectern-deck')?.textContent ?? '{}') as DeckConfig;
const params = new URLSearchParams(location.search);
const printing = params.has('print-pdf') || params.get('view') === 'print';

const deck = new Reveal({
  width: 1280,
  height: 720,
  margin: 0.04,
  hash: true,
  respondToHashChanges: true,
  history: false,
  slideNumber: 'c/t',
  showSlideNumber: 'all',
  progress: true,
  controls: true,
  center: false,
  transition: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'none' : 'slide',
  pdfSeparateFragments: params.has('fragments'),
  ...(config.durationMinutes ? { totalTime: config.durationMinutes * 60 } : {}),
  plugins: [Notes, diagramsPlugin({ all: printing })],
});

async function start(): Promise<void> {
  await deck.initialize();
  await document.fonts.ready;
  if (printing) await diagramsSettled();
  document.documentElement.dataset.lecternReady = 'true';
}

void start();
hotUpdates(deck);

declare global {
  interface Window {
    lectern?: { deck: typeof deck; config: DeckConfig };
  }
}
window.lectern = { deck, config };
