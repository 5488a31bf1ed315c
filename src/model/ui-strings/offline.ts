/** Offline reading (the course home's "Keep for offline"), and the notice of a new build. */
import type { Translations } from '../ui-strings.js';

const en = {
  keep: 'Keep for offline',
  keepHint: 'Saves every lecture on this device, to read without a network.',
  keeping: 'Saving for offline… {done} of {total} files',
  kept: 'All {n} lectures are on this device: they open without a network.',
  keptOne: 'The lecture is on this device: it opens without a network.',
  onDevice: 'on this device',
  partly: '{n} of {total} lectures are on this device.',
  failed: '{n} files could not be saved (no network?). Try again.',
  update: 'A new version of this course is available.',
  reload: 'Reload',
  dismiss: 'Dismiss',
};

export const offline: Translations<typeof en> = {
  en,
  zh: {
    keep: '离线保存',
    keepHint: '把所有讲次保存在本设备上，没有网络也能阅读。',
    keeping: '正在离线保存… 第 {done} 个文件，共 {total} 个',
    kept: '全部 {n} 讲已保存在本设备上，没有网络也能打开。',
    keptOne: '这一讲已保存在本设备上，没有网络也能打开。',
    onDevice: '已离线保存',
    partly: '已有 {n} 讲保存在本设备上，共 {total} 讲。',
    failed: '有 {n} 个文件未能保存（没有网络？）。请重试。',
    update: '本课程有新版本。',
    reload: '重新载入',
    dismiss: '关闭',
  },
};
