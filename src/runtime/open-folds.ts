/**
 * Folded content (a callout written with `collapse="true"`, any `<details>` a deck brings) must not be lost on
 * paper: a printed page or PDF shows every fold open. For `?view=print` and `?view=handout` the folds open
 * at once; in any other view they open for the browser's own printing and close again afterwards.
 */

const closedFolds = (): HTMLDetailsElement[] => [...document.querySelectorAll<HTMLDetailsElement>('details:not([open])')];

export function openFoldsForPrint(printView: boolean): () => void {
  if (printView) {
    // The slides are in the page when the view starts; a later-added fold is opened by the observer.
    const open = () => {
      for (const d of closedFolds()) d.open = true;
    };
    open();
    const observer = new MutationObserver(open);
    observer.observe(document.body, { childList: true, subtree: true });
    return () => observer.disconnect();
  }
  let opened: HTMLDetailsElement[] = [];
  const before = () => {
    opened = closedFolds();
    for (const d of opened) d.open = true;
  };
  const after = () => {
    for (const d of opened) d.open = false;
    opened = [];
  };
  addEventListener('beforeprint', before);
  addEventListener('afterprint', after);
  return () => {
    removeEventListener('beforeprint', before);
    removeEventListener('afterprint', after);
  };
}
