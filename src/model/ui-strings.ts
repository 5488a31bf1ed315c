/**
 * Every string Lectern itself shows to a viewer (not the lecturer's slides), once per UI language, chosen
 * by the deck's `lang`. Views import their strings from here, and the build subsets the bundled font to
 * the characters of all of them (`uiCharacters`), so a string added here can never render without a glyph.
 *
 * Pure data: no DOM, no Node. Values with `{name}` placeholders are filled by `fill`; a placeholder is
 * always ASCII, so the characters of a value are exactly what it can add to the page.
 */

export const UI_LANGS = ['en', 'zh'] as const;
export type UiLang = (typeof UI_LANGS)[number];

const en = {
  /** The presenting view (reveal.js page). */
  present: {
    read: 'Read',
    readTitle: 'Read this slide in reading mode (R)',
    readKey: 'Reading mode at this slide',
    speakerKey: 'Speaker view',
    popupBlocked: 'The browser blocked the speaker window. ',
    openSpeakerTab: 'Open speaker view in a new tab',
    dismiss: 'Dismiss',
    printing: 'Preparing every slide for printing…',
    printFailed: 'The slides could not be prepared for printing.',
    printHint: 'To print every slide, press Ctrl+P (Cmd+P on a Mac) in the presentation.',
    portrait: 'Slides are made for a wide screen: turn your phone sideways, or read this lecture as a page.',
    portraitRead: 'Read',
  },
  /** Reading mode (`?view=read`). */
  reading: {
    pageTitle: '{title} · Reading',
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
    scrollFormula: 'Formula, scrolls sideways',
    scrollTable: 'Table, scrolls sideways',
    scrollCode: 'Code, scrolls sideways',
    showAnswer: 'Show answer',
    hideAnswer: 'Hide answer',
    showAll: 'Show all answers',
    hideAll: 'Hide all answers',
    answer: 'Answer',
  },
  /** The full-screen diagram viewer (reading mode; a tap on a diagram while presenting on a touch screen). */
  diagram: {
    enlarge: 'Enlarge diagram',
    viewer: 'Diagram: {name}',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    fit: 'Whole diagram',
    close: 'Close',
    hint: 'Drag to move · pinch, scroll or +/- to zoom · Esc closes',
  },
  /** The speaker view (`?view=speaker`). */
  speaker: {
    pageTitle: 'Speaker view — {title}',
    current: 'Current',
    currentSlide: 'Current slide',
    next: 'Next',
    clickToAdvance: 'Click to advance',
    time: 'Time',
    elapsed: 'Elapsed',
    clock: 'Clock',
    notes: 'Speaker notes',
    noNotes: 'No notes for this slide.',
    start: 'Start timer',
    pause: 'Pause timer',
    resume: 'Resume timer',
    reset: 'Reset',
    following: 'Following the presentation',
    paused: 'Presentation paused (B)',
    closed: 'Presentation closed: reopen it to follow it again',
    waiting: 'Waiting for the presentation (open the deck in this browser)',
    stepsShown: '· {step} of {steps} steps shown',
    nextStep: '· step {step} of {steps} on this slide',
    nextSlide: '· slide {n}',
    nextSlideTitled: '· slide {n}: {title}',
    endOfDeck: '· end of deck',
    notStarted: 'Not started',
    ahead: '▲ Ahead',
    behind: '▼ Behind',
    onTime: '● On time',
    by: 'by {time}',
    slideLeft: ' · {time} left',
    slidePlan: 'This slide: {time} planned',
    slidePlanTimed: 'This slide: {time} planned (data-timing)',
    lectureOver: 'Lecture: {over} over {total}',
    lectureLeft: 'Lecture: {left} left of {total}',
  },
  /** The course home (deck list). */
  index: {
    pageTitle: 'Lectern — decks',
    heading: 'Lectures',
    slides: '{n} slides',
    problem: '{n} problem',
    problems: '{n} problems',
    present: 'Present',
    read: 'Read',
    pdf: 'PDF',
    handout: 'Handout',
    empty: 'No decks yet: add a Markdown file to slides/.',
  },
  /** Drawing on slides (D) and the blank board (W), in presenting and the speaker view; ink in reading mode. */
  ink: {
    toolbar: 'Drawing tools',
    red: 'Red pen',
    blue: 'Blue pen',
    black: 'Black pen',
    highlighter: 'Highlighter',
    eraser: 'Eraser',
    undo: 'Undo',
    clear: 'Clear this slide',
    board: 'Board',
    boardPage: 'Board {n} / {total}',
    prevPage: 'Previous board page',
    nextPage: 'Next board page (a new one after the last)',
    save: 'Save ink',
    saved: 'Ink saved to {file}',
    downloaded: 'Ink downloaded: put {file} into slides/',
    saveFailed: 'Could not save the ink: {error}',
    done: 'Stop drawing (Esc)',
    show: "Show the lecturer's ink",
  },
  /** The help overlay (`?`): its frame, one line per action of KEY_TABLE (src/model/keys.ts). */
  help: {
    title: 'Keyboard shortcuts',
    close: 'Close',
    hint: 'Press ? or Escape to close',
    or: 'or',
    move: 'Moving around',
    show: 'The screen',
    teach: 'Teaching',
    views: 'Views',
    next: 'Next step or slide',
    prev: 'Previous step or slide',
    leftRight: 'Previous / next slide',
    upDown: 'Up / down a vertical stack',
    skipSteps: 'Move without stepping through the steps',
    firstLast: 'First / last slide',
    pause: 'Black screen (again to come back)',
    fullscreen: 'Full screen',
    overview: 'Overview of all slides',
    jump: 'Jump to a slide: type its number, then Enter',
    search: 'Search the slides and notes',
    zoom: 'Zoom into the point clicked (again to zoom out)',
    draw: 'Draw on the slide (Escape to stop)',
    board: 'Blank board for working an example',
    laser: 'Laser pointer',
    speaker: 'Speaker view (notes, timer, next slide)',
    read: 'Reading mode at this slide',
    qr: 'Show the audience link as a QR code',
    backToLive: 'Back to where the lecturer is',
    help: 'This help',
  },
  /** Names of keys in the help overlay. */
  keyNames: {
    Space: 'Space',
    ShiftSpace: 'Shift+Space',
    Right: 'Right arrow',
    Left: 'Left arrow',
    Up: 'Up arrow',
    Down: 'Down arrow',
    PageDown: 'Page Down',
    PageUp: 'Page Up',
    Home: 'Home',
    End: 'End',
    Escape: 'Esc',
    Enter: 'Enter',
    AltArrows: 'Alt+arrow keys',
    AltClick: 'Alt+click',
    CtrlShiftF: 'Ctrl+Shift+F',
  },
  /** Boxes the browser shows in place of something that failed. */
  errors: {
    diagram: 'Diagram error',
  },
  /** Default titles of Quarto's callout boxes (`::: {.callout-note}`), as Quarto names them. */
  callouts: {
    note: 'Note',
    tip: 'Tip',
    warning: 'Warning',
    important: 'Important',
    caution: 'Caution',
  },
  /** The published site's own pages (404). */
  site: {
    notFoundTitle: 'Page not found',
    notFound: 'There is no page at this address. The lecture may have been renamed or removed.',
    home: 'All lectures',
    preview: 'Title slide of {title}',
    progress: 'Read: slide {n} of {total}',
    continueReading: 'Continue reading',
  },
};

export type UiStrings = typeof en;

const zh: UiStrings = {
  present: {
    read: '阅读',
    readTitle: '在阅读模式中打开这一页（R）',
    readKey: '阅读模式（当前页）',
    speakerKey: '讲者视图',
    popupBlocked: '浏览器拦截了讲者窗口。',
    openSpeakerTab: '在新标签页中打开讲者视图',
    dismiss: '关闭',
    printing: '正在准备打印全部幻灯片…',
    printFailed: '无法准备打印幻灯片。',
    printHint: '要打印全部幻灯片，请在放映页面按 Ctrl+P（Mac 上为 Cmd+P）。',
    portrait: '幻灯片为横屏设计：请把手机横过来，或以阅读模式浏览本讲。',
    portraitRead: '阅读',
  },
  reading: {
    pageTitle: '{title} · 阅读',
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
    scrollFormula: '公式，可横向滚动',
    scrollTable: '表格，可横向滚动',
    scrollCode: '代码，可横向滚动',
    showAnswer: '显示答案',
    hideAnswer: '隐藏答案',
    showAll: '显示全部答案',
    hideAll: '隐藏全部答案',
    answer: '答案',
  },
  diagram: {
    enlarge: '放大图表',
    viewer: '图表：{name}',
    zoomIn: '放大',
    zoomOut: '缩小',
    fit: '整张图',
    close: '关闭',
    hint: '拖动可移动 · 双指、滚轮或 +/- 缩放 · Esc 关闭',
  },
  speaker: {
    pageTitle: '讲者视图 — {title}',
    current: '当前',
    currentSlide: '当前幻灯片',
    next: '下一步',
    clickToAdvance: '点击前进',
    time: '时间',
    elapsed: '已用时间',
    clock: '时钟',
    notes: '讲者备注',
    noNotes: '本页没有备注。',
    start: '开始计时',
    pause: '暂停计时',
    resume: '继续计时',
    reset: '重置',
    following: '正在跟随放映',
    paused: '放映已暂停（B）',
    closed: '放映已关闭：重新打开即可继续跟随',
    waiting: '等待放映（请在此浏览器中打开幻灯片）',
    stepsShown: '· 已显示 {step} / {steps} 步',
    nextStep: '· 本页第 {step} / {steps} 步',
    nextSlide: '· 第 {n} 页',
    nextSlideTitled: '· 第 {n} 页：{title}',
    endOfDeck: '· 已到最后',
    notStarted: '未开始',
    ahead: '▲ 提前',
    behind: '▼ 落后',
    onTime: '● 准时',
    by: '{time}',
    slideLeft: ' · 还剩 {time}',
    slidePlan: '本页：计划 {time}',
    slidePlanTimed: '本页：计划 {time}（data-timing）',
    lectureOver: '全讲：超出 {over}（计划 {total}）',
    lectureLeft: '全讲：还剩 {left}（共 {total}）',
  },
  index: {
    pageTitle: 'Lectern — 讲义',
    heading: '讲义',
    slides: '{n} 页',
    problem: '{n} 个问题',
    problems: '{n} 个问题',
    present: '放映',
    read: '阅读',
    pdf: 'PDF',
    handout: '讲义稿',
    empty: '还没有讲义：请在 slides/ 中添加一个 Markdown 文件。',
  },
  ink: {
    toolbar: '书写工具',
    red: '红笔',
    blue: '蓝笔',
    black: '黑笔',
    highlighter: '荧光笔',
    eraser: '橡皮擦',
    undo: '撤销',
    clear: '清除本页笔迹',
    board: '板书',
    boardPage: '板书 {n} / {total}',
    prevPage: '上一页板书',
    nextPage: '下一页板书（最后一页之后新建一页）',
    save: '保存笔迹',
    saved: '笔迹已保存到 {file}',
    downloaded: '笔迹已下载：请把 {file} 放进 slides/',
    saveFailed: '无法保存笔迹：{error}',
    done: '结束书写（Esc）',
    show: '显示讲者的笔迹',
  },
  help: {
    title: '快捷键',
    close: '关闭',
    hint: '按 ? 或 Esc 关闭',
    or: '或',
    move: '翻页与跳转',
    show: '屏幕',
    teach: '讲课工具',
    views: '视图',
    next: '下一步或下一页',
    prev: '上一步或上一页',
    leftRight: '上一页 / 下一页',
    upDown: '在竖排子页中上下移动',
    skipSteps: '翻页时跳过分步内容',
    firstLast: '第一页 / 最后一页',
    pause: '黑屏（再按一次恢复）',
    fullscreen: '全屏',
    overview: '全部幻灯片概览',
    jump: '跳到某一页：输入页码，再按回车',
    search: '搜索幻灯片与备注',
    zoom: '放大点击处（再按一次缩小）',
    draw: '在幻灯片上书写（Esc 结束）',
    board: '空白板书页，用来演算例题',
    laser: '激光笔',
    speaker: '讲者视图（备注、计时、下一页）',
    read: '在阅读模式中打开这一页',
    qr: '以二维码显示听众链接',
    backToLive: '回到讲者当前的位置',
    help: '本帮助',
  },
  keyNames: {
    Space: '空格',
    ShiftSpace: 'Shift+空格',
    Right: '右方向键',
    Left: '左方向键',
    Up: '上方向键',
    Down: '下方向键',
    PageDown: 'Page Down',
    PageUp: 'Page Up',
    Home: 'Home',
    End: 'End',
    Escape: 'Esc',
    Enter: '回车',
    AltArrows: 'Alt+方向键',
    AltClick: 'Alt+点击',
    CtrlShiftF: 'Ctrl+Shift+F',
  },
  errors: {
    diagram: '图表错误',
  },
  callouts: {
    note: '注意',
    tip: '提示',
    warning: '警告',
    important: '重要',
    caution: '小心',
  },
  site: {
    notFoundTitle: '找不到页面',
    notFound: '这个地址没有页面。讲次可能已改名或删除。',
    home: '全部讲次',
    preview: '{title}的标题页',
    progress: '已读到第 {n} 页，共 {total} 页',
    continueReading: '继续阅读',
  },
};

export const UI_STRINGS: Record<UiLang, UiStrings> = { en, zh };

/** The UI language for a deck's `lang` (BCP 47: `zh`, `zh-CN`, `zh-Hans`… → zh); English otherwise. */
export function uiLang(lang: string | undefined): UiLang {
  const primary = (lang ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return (UI_LANGS as readonly string[]).includes(primary) ? (primary as UiLang) : 'en';
}

export function uiStrings(lang: string | undefined): UiStrings {
  return UI_STRINGS[uiLang(lang)];
}

/** `template` with each `{name}` replaced by `values[name]` (left as is when not given). */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** Every string value of `strings`, or of the given groups only. */
export function uiTexts(strings: UiStrings, groups: readonly (keyof UiStrings)[] = Object.keys(strings) as (keyof UiStrings)[]): string[] {
  return groups.flatMap((g) => Object.values(strings[g]) as string[]);
}

/** Every character any view can show in any UI language (placeholders removed): what the font must cover. */
export function uiCharacters(langs: readonly UiLang[] = UI_LANGS): string {
  const text = langs
    .flatMap((l) => uiTexts(UI_STRINGS[l]))
    .join('')
    .replace(/\{\w+\}/g, '');
  return [...new Set(text)].sort().join('');
}

/** The UI text a deck in `lang` can show (all its views), for its font subset. */
export function uiText(lang: string | undefined): string {
  return uiTexts(uiStrings(lang)).join('');
}
