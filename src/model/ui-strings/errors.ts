/** Boxes the browser shows in place of something that failed. */
import type { Translations } from '../ui-strings.js';

const en = {
  diagram: 'Diagram error',
};

export const errors: Translations<typeof en> = {
  en,
  zh: {
    diagram: '图表错误',
  },
};
