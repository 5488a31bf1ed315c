/** The published site's own pages (404). */
import type { Translations } from '../ui-strings.js';

const en = {
  notFoundTitle: 'Page not found',
  notFound: 'There is no page at this address. The lecture may have been renamed or removed.',
  home: 'All lectures',
  preview: 'Title slide of {title}',
  progress: 'Read: slide {n} of {total}',
  continueReading: 'Continue reading',
};

export const site: Translations<typeof en> = {
  en,
  zh: {
    notFoundTitle: '找不到页面',
    notFound: '这个地址没有页面。讲次可能已改名或删除。',
    home: '全部讲次',
    preview: '{title}的标题页',
    progress: '已读到第 {n} 页，共 {total} 页',
    continueReading: '继续阅读',
  },
};
