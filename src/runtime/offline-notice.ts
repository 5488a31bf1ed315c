/**
 * "A new version of this course is available": a small bar at the foot of the page that takes no focus and
 * blocks nothing (role=status, announced politely). Reload activates the new build; Dismiss hides the bar
 * until the next visit, which shows it again while the update still waits.
 */
import { OFFLINE_UI } from '../model/offline.js';
import { uiStrings } from '../model/ui-strings.js';
import { el } from './dom.js';
import './offline.css';

export function showUpdateNotice(lang: string, reload: () => void): { destroy(): void } {
  const t = uiStrings(lang).offline;
  const bar = el('div', { class: OFFLINE_UI.update, role: 'status', 'aria-live': 'polite' });
  const reloadButton = el('button', { type: 'button', class: 'lectern-update-reload' }, t.reload);
  const dismiss = el('button', { type: 'button', class: 'lectern-update-dismiss', 'aria-label': t.dismiss, title: t.dismiss }, '×');
  bar.append(el('span', {}, t.update), reloadButton, dismiss);
  const onReload = () => {
    reloadButton.disabled = true;
    reload();
  };
  const onDismiss = () => bar.remove();
  reloadButton.addEventListener('click', onReload);
  dismiss.addEventListener('click', onDismiss);
  document.body.append(bar);
  return {
    destroy() {
      reloadButton.removeEventListener('click', onReload);
      dismiss.removeEventListener('click', onDismiss);
      bar.remove();
    },
  };
}
