/** Names of keys in the help overlay. */
import type { Translations } from '../ui-strings.js';

const en = {
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
  CtrlP: 'Ctrl+P',
};

export const keyNames: Translations<typeof en> = {
  en,
  zh: {
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
    CtrlP: 'Ctrl+P',
  },
};
