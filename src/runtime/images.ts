/**
 * Print views (PDF slides, handout): images load now rather than when scrolled near (`loading="lazy"`),
 * and the ready signal waits until each has loaded or failed, so the PDF never prints a blank in its place.
 * The exporter then reports any that failed (src/export/print-page.ts).
 */
export async function imagesSettled(root: ParentNode): Promise<void> {
  const images = [...root.querySelectorAll<HTMLImageElement>('img')];
  await Promise.all(
    images.map((img) => {
      img.loading = 'eager';
      if (img.complete) return undefined;
      return new Promise<void>((done) => {
        img.addEventListener('load', () => done(), { once: true });
        img.addEventListener('error', () => done(), { once: true });
      });
    }),
  );
}
