// Font subsetting off the main thread (see font-subset.ts). Plain JS: worker_threads runs it as it is.
// Each message: { id, source (TrueType path), chars, format }; answer: { id, bytes } or { id, error }.
// Or { warm: [TrueType paths] }: see keepWarm in font-subset.ts.
import { readFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import subsetFont from 'subset-font';

const sources = new Map();
parentPort?.on('message', async ({ id, source, chars, format, warm }) => {
  // { warm: [paths] }: read these sources and compile Harfbuzz now, before a job waits on it; no answer.
  if (warm) {
    try {
      for (const path of warm) {
        if (!sources.has(path)) sources.set(path, readFileSync(path));
        await subsetFont(sources.get(path), 'a', { targetFormat: 'truetype' });
      }
    } catch {}
    return;
  }
  try {
    let font = sources.get(source);
    if (!font) {
      font = readFileSync(source);
      sources.set(source, font);
    }
    // A copy of its own: the result may share a pooled buffer, which must not be transferred.
    const bytes = new Uint8Array(await subsetFont(font, chars, { targetFormat: format }));
    parentPort?.postMessage({ id, bytes }, [bytes.buffer]);
  } catch (err) {
    parentPort?.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
  }
});
