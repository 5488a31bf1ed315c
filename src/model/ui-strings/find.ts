/** Finding your way in a lecture: the `G` jump box and the search panel (Ctrl+Shift+F). */
import type { Translations } from '../ui-strings.js';

const en = {
  jumpTitle: 'Go to slide',
  jumpPlaceholder: 'Slide number or words of its title',
  jumpNone: 'No slide has that number or title',
  searchTitle: 'Search this lecture',
  searchOpen: 'Search',
  searchPlaceholder: 'Words from the slides or the notes',
  searching: 'Searching…',
  searchFailed: 'Search is not available: its index could not be loaded',
  searchNone: 'Nothing found',
  /** `{n}`: how many slides match. */
  matches: '{n} slides',
  oneMatch: '1 slide',
  inNotes: 'in the notes',
  untitled: 'Untitled slide',
  hint: '↑ ↓ choose · Enter go · Esc close',
  close: 'Close',
};

export const find: Translations<typeof en> = {
  en,
  zh: {
    jumpTitle: '跳到幻灯片',
    jumpPlaceholder: '页码或标题中的词',
    jumpNone: '没有这个页码或标题的幻灯片',
    searchTitle: '搜索本讲',
    searchOpen: '搜索',
    searchPlaceholder: '幻灯片或备注中的词',
    searching: '正在搜索…',
    searchFailed: '无法搜索：索引未能加载',
    searchNone: '没有找到',
    matches: '共 {n} 页',
    oneMatch: '共 1 页',
    inNotes: '在备注中',
    untitled: '无标题的幻灯片',
    hint: '↑ ↓ 选择 · 回车前往 · Esc 关闭',
    close: '关闭',
  },
};
