import { type InkStroke, PEN_COLORS } from '../model/ink.js';
import type { InkDraw, InkPlaceKey } from '../model/ink-ops.js';
import { fill, type UiStrings } from '../model/ui-strings.js';
import { el } from './dom.js';
import { remoteStrokes } from './ink-remote.js';
import { renderStrokes } from './ink-render.js';
import { type InkPlace, type InkStore, placeKey } from './ink-store.js';
import { type InkTool, inkSurface } from './ink-surface.js';

const PEN_NAMES = ['red', 'blue', 'black'] as const;

/** Icons drawn, not typed: the bundled fonts have no arrows. */
const ICONS: Record<string, string> = {
  'lectern-ink-undo': 'M9 14 4 9l5-5M4 9h10a6 6 0 0 1 0 12h-3',
  'lectern-ink-clear': 'M3 6h18M8 6V4h8v2M6 6l1 14h10l1-14',
  'lectern-ink-prev': 'M15 5l-7 7 7 7',
  'lectern-ink-next': 'M9 5l7 7-7 7',
};

/**
 * Drawing on one slide-sized SVG (the deck's, or the speaker view's current preview): the tools, undo,
 * clear and the blank board's pages, with a small toolbar shown only while drawing. `place()` says which
 * slide is under the SVG; the ink itself is the store's (shared by the deck's windows).
 */
export function inkPad(
  svg: SVGSVGElement,
  store: InkStore,
  t: UiStrings['ink'],
  opts: {
    slide(): string | undefined;
    host: HTMLElement;
    onSave?: () => void;
    onChange?: (active: boolean) => void;
    /** The stroke under way here grew (once per frame), or ended (`end`): for the deck's other windows. */
    onStroke?: (place: InkPlaceKey, stroke: InkStroke, end: boolean) => void;
    /** This pad changed the stored ink (a stroke, undo, erase, clear) or the board page shown. */
    onInk?: () => void;
  },
) {
  let active = false;
  let tool: InkTool = { kind: 'pen', color: PEN_COLORS[0] };
  const undo: { place: InkPlace; strokes: InkStroke[] }[] = [];

  const place = (): InkPlace | undefined => {
    const board = store.board;
    if (board !== undefined) return { board };
    const slide = opts.slide();
    return slide ? { slide } : undefined;
  };
  const here = () => {
    const p = place();
    return p && placeKey(p);
  };
  const remote = remoteStrokes(svg, here, () => render());
  const render = () => {
    const board = store.board;
    const p = place();
    const strokes = p ? store.strokes(p) : [];
    renderStrokes(svg, strokes, board !== undefined);
    remote.show(strokes);
    svg.classList.toggle('lectern-ink-active', active);
    bar.hidden = !active;
    pageLabel.textContent = fill(t.boardPage, { n: (board ?? 0) + 1, total: store.boardPages() });
    for (const b of boardOnly) b.hidden = board === undefined;
    for (const [b, is] of toolButtons) b.setAttribute('aria-pressed', String(is(tool)));
    boardButton.setAttribute('aria-pressed', String(board !== undefined));
  };
  const change = (p: InkPlace, next: InkStroke[]) => {
    undo.push({ place: p, strokes: store.strokes(p) });
    if (undo.length > 200) undo.shift();
    store.set(p, next);
    render();
    opts.onInk?.();
  };

  // The toolbar.
  const bar = el('div', { class: 'lectern-ink-bar', role: 'toolbar', 'aria-label': t.toolbar });
  bar.hidden = true;
  const button = (label: string, cls: string, onClick: () => void, text = '') => {
    const b = el('button', { type: 'button', class: `lectern-ink-btn ${cls}`, 'aria-label': label, title: label }, text);
    const icon = ICONS[cls];
    if (icon) b.innerHTML = `<svg viewBox="0 0 24 24" aria-hidden="true"><path d="${icon}"/></svg>`;
    b.addEventListener('click', () => {
      onClick();
      b.blur();
    });
    bar.append(b);
    return b;
  };
  const toolButtons: [HTMLButtonElement, (x: InkTool) => boolean][] = [];
  PEN_COLORS.forEach((color, i) => {
    const b = button(t[PEN_NAMES[i] ?? 'red'], 'lectern-ink-pen', () => setTool({ kind: 'pen', color }));
    b.style.setProperty('--pen', color);
    toolButtons.push([b, (x) => x.kind === 'pen' && x.color === color]);
  });
  toolButtons.push([button(t.highlighter, 'lectern-ink-hl', () => setTool({ kind: 'highlighter' })), (x) => x.kind === 'highlighter']);
  toolButtons.push([button(t.eraser, 'lectern-ink-eraser', () => setTool({ kind: 'eraser' })), (x) => x.kind === 'eraser']);
  button(t.undo, 'lectern-ink-undo', () => {
    const last = undo.pop();
    if (last) store.set(last.place, last.strokes);
    render();
    if (last) opts.onInk?.();
  });
  button(t.clear, 'lectern-ink-clear', () => {
    const p = place();
    if (p && store.strokes(p).length) change(p, []);
  });
  const boardButton = button(t.board, 'lectern-ink-board-btn', () => toggleBoard(), t.board);
  const boardOnly = [
    button(t.prevPage, 'lectern-ink-prev', () => turn(-1)),
    Object.assign(el('span', { class: 'lectern-ink-page' }), {}),
    button(t.nextPage, 'lectern-ink-next', () => turn(1)),
  ];
  const pageLabel = boardOnly[1] as HTMLElement;
  bar.insertBefore(pageLabel, boardOnly[2] ?? null);
  if (opts.onSave) button(t.save, 'lectern-ink-save', opts.onSave, t.save);
  button(t.done, 'lectern-ink-done', () => set(false), '×');
  opts.host.append(bar);

  const setTool = (next: InkTool) => {
    tool = next;
    render();
  };
  const turn = (by: number) => {
    const board = store.board;
    if (board === undefined) return;
    store.setBoard(Math.max(0, Math.min(board + by, store.boardPages())));
    render();
    opts.onInk?.();
  };
  const set = (on: boolean) => {
    if (on === active) return;
    active = on;
    const leftBoard = !on && store.board !== undefined;
    if (leftBoard) store.setBoard(undefined);
    render();
    opts.onChange?.(active);
    if (leftBoard) opts.onInk?.();
  };
  const toggleBoard = () => {
    if (store.board === undefined) {
      store.setBoard(0);
      active = true;
    } else store.setBoard(undefined);
    render();
    opts.onChange?.(active);
    opts.onInk?.();
  };

  const surface = inkSurface(svg, {
    strokes: () => {
      const p = place();
      return p ? store.strokes(p) : [];
    },
    commit: (next) => {
      const p = place();
      if (p) change(p, next);
    },
    progress: (stroke, end) => {
      const p = place();
      if (p) opts.onStroke?.(placeKey(p), stroke, end);
    },
    tool: () => tool,
    enabled: () => active,
  });
  render();
  return {
    get active() {
      return active;
    },
    get board() {
      return store.board;
    },
    toggle: () => set(!active),
    leave: () => set(false),
    toggleBoard,
    /** The slide changed, or another window changed the ink. */
    render: () => {
      if (!surface.drawing) render();
    },
    /** Another window's stroke under way grew: shown at once; the stroke as it now is. */
    remoteDraw: (op: InkDraw) => remote.draw(op),
    remoteEnd: (id: string) => remote.end(id),
    destroy() {
      remote.destroy();
      surface.destroy();
      bar.remove();
      svg.remove();
    },
  };
}

export type InkPad = ReturnType<typeof inkPad>;
