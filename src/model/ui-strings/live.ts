/** Follow-along (`npm run live`): the lecturer's QR screen, the audience's live bar. */
import type { Translations } from '../ui-strings.js';

const en = {
  qrKey: 'Show the QR code for the audience',
  qrTitle: 'Follow this lecture on your phone',
  qrNone: 'No network address: connect this computer to the network, then restart npm run live.',
  qrClose: 'Close',
  backKey: 'Back to the live slide',
  back: 'Back to live',
  following: 'Live',
  black: 'Live · screen paused by the lecturer',
  browsing: 'Browsing',
  connecting: 'Connecting…',
  offline: 'Reconnecting…',
  waiting: 'Waiting for the lecturer',
  read: 'Read',
  present: 'Slides',
  followers: 'following',
};

export const live: Translations<typeof en> = {
  en,
  zh: {
    qrKey: '显示供听众扫描的二维码',
    qrTitle: '用手机扫码跟随本讲',
    qrNone: '没有网络地址：请把电脑接入网络，然后重新运行 npm run live。',
    qrClose: '关闭',
    backKey: '回到讲者当前页',
    back: '回到直播',
    following: '直播中',
    black: '直播中 · 讲者暂停了画面',
    browsing: '自由浏览',
    connecting: '连接中…',
    offline: '重新连接中…',
    waiting: '等待讲者',
    read: '阅读',
    present: '幻灯片',
    followers: '人跟随',
  },
};
