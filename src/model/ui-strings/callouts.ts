/** Default titles of Quarto's callout boxes (`::: {.callout-note}`), as Quarto names them. */
import type { Translations } from '../ui-strings.js';

const en = {
  note: 'Note',
  tip: 'Tip',
  warning: 'Warning',
  important: 'Important',
  caution: 'Caution',
};

export const callouts: Translations<typeof en> = {
  en,
  zh: {
    note: '注意',
    tip: '提示',
    warning: '警告',
    important: '重要',
    caution: '小心',
  },
};
