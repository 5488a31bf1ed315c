/** Drawing on slides (D) and the blank board (W), in presenting and the speaker view; ink in reading mode. */
import type { Translations } from '../ui-strings.js';

const en = {
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
  downloaded: 'Ink downloaded: put {file} into {folder}',
  saveFailed: 'Could not save the ink: {error}',
  done: 'Stop drawing (Esc)',
  show: "Show the lecturer's ink",
};

export const ink: Translations<typeof en> = {
  en,
  zh: {
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
    downloaded: '笔迹已下载：请把 {file} 放进 {folder}',
    saveFailed: '无法保存笔迹：{error}',
    done: '结束书写（Esc）',
    show: '显示讲者的笔迹',
  },
};
