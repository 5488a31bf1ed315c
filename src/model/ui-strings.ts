/**
 * Every word the runtime shows around a deck (reading mode, the "Read" switch, key help), per UI language.
 * Defined once: the runtime reads it, and the build adds the Chinese strings to a Chinese deck's font
 * subset (a subset holds only the characters it is given, so a label the deck's own text lacks would be tofu).
 */
const en = {
  skip: 'Skip to the lecture',
  contents: 'Contents',
  openContents: 'Open the table of contents',
  closeContents: 'Close the table of contents',
  present: 'Present',
  presentFromHere: 'Present from here',
  presentTitle: 'Present this slide (reveal.js)',
  slide: 'Slide',
  link: 'Link to this slide',
  commentary: "Lecturer's notes",
  position: 'Position',
  end: 'End of the lecture.',
  top: 'Back to the top',
  reading: 'Reading',
  read: 'Read',
  readTitle: 'Read this slide in reading mode (R)',
  readKey: 'Reading mode at this slide',
  scrollFormula: 'Formula, scrolls sideways',
  scrollTable: 'Table, scrolls sideways',
  scrollCode: 'Code, scrolls sideways',
};

export type UiStrings = typeof en;

const zh: UiStrings = {
  skip: '跳到正文',
  contents: '目录',
  openContents: '打开目录',
  closeContents: '关闭目录',
  present: '放映',
  presentFromHere: '从此页放映',
  presentTitle: '从这一页开始放映幻灯片',
  slide: '幻灯片',
  link: '本页链接',
  commentary: '讲者说明',
  position: '阅读位置',
  end: '本讲完。',
  top: '回到开头',
  reading: '阅读',
  read: '阅读',
  readTitle: '在阅读模式中打开这一页（R）',
  readKey: '阅读模式（当前页）',
  scrollFormula: '公式，可横向滚动',
  scrollTable: '表格，可横向滚动',
  scrollCode: '代码，可横向滚动',
};

export const UI_STRINGS = { en, zh };

export const isChinese = (lang: string | undefined): boolean => (lang ?? '').toLowerCase().startsWith('zh');

export function uiStrings(lang: string | undefined): UiStrings {
  return isChinese(lang) ? zh : en;
}

/** The UI text a deck in `lang` can show, for its font subset (Latin UI text is covered by ASCII already). */
export function uiText(lang: string | undefined): string {
  return isChinese(lang) ? Object.values(zh).join('') : '';
}
