/**
 * The course home's words and the previous/next lecture links, in every UI language. The build renders
 * the home with them, the browser's search and deck navigation show them; every character here is in
 * the bundled font (src/vite/ui-chars.ts reads this file).
 */
export const HOME_STRINGS = {
  en: {
    lectures: 'Lectures',
    present: 'Present',
    read: 'Read',
    pdf: 'PDF',
    handout: 'Handout',
    stale: 'older than the lecture',
    slides: 'slides',
    minutes: 'min',
    problems: 'problems',
    lecturePrefix: 'Lecture ',
    lectureSuffix: '',
    search: 'Search',
    searchLabel: 'Search every lecture (slides and notes)',
    searchPlaceholder: 'Search slides and notes…',
    searching: 'Loading the search index…',
    noResults: 'Nothing found.',
    results: 'results',
    inNotes: 'in the notes',
    searchFailed: 'Search is not available: the index could not be loaded.',
    empty: 'No lectures yet: add a Markdown file to slides/.',
    previous: 'Previous lecture',
    next: 'Next lecture',
    home: 'All lectures',
  },
  zh: {
    lectures: '讲次',
    present: '放映',
    read: '阅读',
    pdf: 'PDF',
    handout: '讲义',
    stale: '早于讲稿的修改',
    slides: '页',
    minutes: '分钟',
    problems: '个问题',
    lecturePrefix: '第 ',
    lectureSuffix: ' 讲',
    search: '搜索',
    searchLabel: '搜索所有讲次（幻灯片与讲者说明）',
    searchPlaceholder: '搜索幻灯片与讲者说明…',
    searching: '正在载入搜索索引…',
    noResults: '没有找到。',
    results: '条结果',
    inNotes: '见讲者说明',
    searchFailed: '搜索不可用：索引未能载入。',
    empty: '还没有讲次：在 slides/ 里加一个 Markdown 文件。',
    previous: '上一讲',
    next: '下一讲',
    home: '全部讲次',
  },
};

export type HomeStrings = (typeof HOME_STRINGS)['en'];

export function homeStringsFor(lang: string): HomeStrings {
  return lang.toLowerCase().startsWith('zh') ? HOME_STRINGS.zh : HOME_STRINGS.en;
}
