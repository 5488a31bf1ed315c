/** The presenting view (reveal.js page). */
import type { Translations } from '../ui-strings.js';

const en = {
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
};

export const present: Translations<typeof en> = {
  en,
  zh: {
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
};
