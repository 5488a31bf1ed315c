import './find.css';
import { el } from './dom.js';

/** One choice in the list. */
export interface PickerItem<T> {
  value: T;
  /** The option's content (a number, a title, a snippet). */
  content: Node[];
}

export interface PickerOptions<T> {
  /** `lectern-jump`, `lectern-search`: the dialog's class and the prefix of its ids. */
  name: string;
  lang: string;
  title: string;
  placeholder: string;
  hint: string;
  close: string;
  /** The choices for a query, and the status to read out (a count, nothing found); undefined: leave the list. */
  items(query: string): Promise<{ items: PickerItem<T>[]; status: string } | undefined> | { items: PickerItem<T>[]; status: string };
  /** Enter or a click on an item. */
  choose(value: T): void;
  /** Wait this long after typing before asking `items` (search); 0 for at once. */
  debounce?: number;
}

/**
 * A modal dialog with a text box and the choices under it: a WAI-ARIA combobox with a listbox (the jump box,
 * the search panel). ↑ ↓ move through the choices, Enter takes the active one (the first by default), Escape
 * or a click beside it closes, and focus goes back where it was. No key typed in it reaches the deck.
 */
export function picker<T>(opts: PickerOptions<T>) {
  const ids = { title: `${opts.name}-title`, list: `${opts.name}-list`, status: `${opts.name}-status` };
  const dialog = el('div', { class: `lectern-find ${opts.name}`, role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': ids.title });
  dialog.lang = opts.lang;
  dialog.hidden = true;
  const input = el('input', {
    type: 'text',
    role: 'combobox',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': ids.list,
    'aria-labelledby': ids.title,
    'aria-describedby': ids.status,
    placeholder: opts.placeholder,
    autocomplete: 'off',
    spellcheck: 'false',
    enterkeyhint: 'go',
  });
  const list = el('ul', { role: 'listbox', id: ids.list, 'aria-labelledby': ids.title });
  const status = el('p', { class: 'lectern-find-status', id: ids.status, role: 'status' });
  const close = el('button', { type: 'button', class: 'lectern-find-close', 'aria-label': opts.close }, '×');
  const panel = el('div', { class: 'lectern-find-panel' });
  panel.append(el('h2', { id: ids.title }, opts.title), close, input, status, list, el('p', { class: 'lectern-find-hint' }, opts.hint));
  dialog.append(panel);
  document.body.append(dialog);

  let shown: PickerItem<T>[] = [];
  /** The query `shown` answers. */
  let shownQuery: string | undefined;
  let active = -1;
  let run = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let before: Element | null = null;

  const setActive = (i: number) => {
    active = shown.length ? (i + shown.length) % shown.length : -1;
    list.querySelectorAll('[role="option"]').forEach((li, n) => {
      li.setAttribute('aria-selected', String(n === active));
      if (n === active) li.scrollIntoView({ block: 'nearest' });
    });
    if (active >= 0) input.setAttribute('aria-activedescendant', `${opts.name}-option-${active}`);
    else input.removeAttribute('aria-activedescendant');
  };
  const update = async () => {
    const mine = ++run;
    const query = input.value;
    const result = await opts.items(query);
    if (mine !== run || !result) return;
    shown = result.items;
    shownQuery = query;
    list.replaceChildren(
      ...shown.map((item, n) => {
        const li = el('li', { role: 'option', id: `${opts.name}-option-${n}`, 'aria-selected': 'false' });
        li.append(...item.content);
        return li;
      }),
    );
    input.setAttribute('aria-expanded', String(shown.length > 0));
    status.textContent = result.status;
    setActive(shown.length ? 0 : -1);
  };
  const schedule = () => {
    clearTimeout(timer);
    if (opts.debounce) timer = setTimeout(() => void update(), opts.debounce);
    else void update();
  };
  const set = (show: boolean, text = '') => {
    if (show === !dialog.hidden) return;
    dialog.hidden = !show;
    clearTimeout(timer);
    if (show) {
      before = document.activeElement;
      input.value = text;
      shown = [];
      shownQuery = undefined;
      list.replaceChildren();
      status.textContent = '';
      input.setAttribute('aria-expanded', 'false');
      input.focus({ preventScroll: true });
      if (text) void update();
    } else {
      run++;
      // Leave the box at once: a key pressed right after must not count as typing in it.
      if (dialog.contains(document.activeElement)) (document.activeElement as HTMLElement).blur();
      if (before instanceof HTMLElement) before.focus({ preventScroll: true });
    }
  };
  const take = (i: number) => {
    const item = shown[i];
    if (!item) return;
    set(false);
    opts.choose(item.value);
  };

  const submit = () => {
    if (!input.value.trim()) set(false);
    else if (shownQuery === input.value) take(active);
    else {
      // Enter right after typing: the list is still for the text before the last key.
      clearTimeout(timer);
      void update().then(() => take(active));
    }
  };
  const onKey = (e: KeyboardEvent) => {
    // Nothing typed here is a key for the deck (reveal, the ink, the laser listen further up).
    e.stopPropagation();
    if (e.isComposing) return;
    if (e.key === 'Escape') {
      e.preventDefault();
      set(false);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setActive(active + (e.key === 'ArrowDown' ? 1 : -1));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      submit();
    } else if (e.key === 'Tab') {
      e.preventDefault();
      (document.activeElement === input ? close : input).focus();
    }
  };
  dialog.addEventListener('keydown', onKey);
  dialog.addEventListener('keyup', (e) => e.stopPropagation());
  input.addEventListener('input', schedule);
  // A mousedown would take focus from the box; the click chooses.
  list.addEventListener('mousedown', (e) => e.preventDefault());
  list.addEventListener('click', (e) => {
    const li = (e.target as Element | null)?.closest('[role="option"]');
    if (li) take([...list.children].indexOf(li));
  });
  close.addEventListener('click', () => set(false));
  dialog.addEventListener('click', (e) => {
    if (e.target === dialog) set(false);
  });

  return {
    /** Opens it, with `text` typed (keys pressed while its code loaded). */
    open: (text = '') => set(true, text),
    /** As Enter. */
    submit,
    close: () => set(false),
    get isOpen() {
      return !dialog.hidden;
    },
    destroy() {
      clearTimeout(timer);
      dialog.remove();
    },
  };
}
