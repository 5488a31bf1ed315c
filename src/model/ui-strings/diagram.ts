/** The full-screen diagram viewer (reading mode; a tap on a diagram while presenting on a touch screen). */
import type { Translations } from '../ui-strings.js';

const en = {
  enlarge: 'Enlarge diagram',
  viewer: 'Diagram: {name}',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  fit: 'Whole diagram',
  close: 'Close',
  hint: 'Drag to move · pinch, scroll or +/- to zoom · Esc closes',
};

export const diagram: Translations<typeof en> = {
  en,
  zh: {
    enlarge: '放大图表',
    viewer: '图表：{name}',
    zoomIn: '放大',
    zoomOut: '缩小',
    fit: '整张图',
    close: '关闭',
    hint: '拖动可移动 · 双指、滚轮或 +/- 缩放 · Esc 关闭',
  },
};
