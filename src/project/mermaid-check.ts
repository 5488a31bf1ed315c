import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Deck, Diagnostic } from '../model/types.js';

/**
 * Mermaid's parser needs a DOM (DOMPurify; jsdom is enough to parse, not to draw), and loading it costs
 * seconds of CPU. It runs in a worker thread: the dev server and the build, which run this check, keep
 * answering meanwhile, and no browser globals leak into their process. One worker per process, unref'd.
 */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const ready = (async () => {
  const { JSDOM } = await import(workerData.jsdom);
  const { window } = new JSDOM('<!doctype html><body></body>', { pretendToBeVisual: true });
  Object.assign(globalThis, { window, document: window.document });
  const { default: mermaid } = await import(workerData.mermaid);
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
  return mermaid;
})();
parentPort.on('message', async ({ id, source }) => {
  try {
    await (await ready).parse(source);
    parentPort.postMessage({ id });
  } catch (e) {
    parentPort.postMessage({ id, error: { message: String((e && e.message) || e), hash: e && e.hash ? { loc: e.hash.loc } : undefined } });
  }
});
`;

type Reply = { id: number; error?: ParseError };
let worker: Worker | undefined;
let nextId = 0;
const waiting = new Map<number, (reply: Reply) => void>();

function parserWorker(): Worker {
  if (worker) return worker;
  const w = new Worker(WORKER, {
    eval: true,
    workerData: { jsdom: import.meta.resolve('jsdom'), mermaid: import.meta.resolve('mermaid') },
  });
  w.unref();
  w.on('message', (reply: Reply) => {
    waiting.get(reply.id)?.(reply);
    waiting.delete(reply.id);
  });
  w.on('error', (err) => {
    for (const done of waiting.values())
      done({ id: -1, error: { message: `the Mermaid parser stopped: ${err instanceof Error ? err.message : String(err)}` } });
    waiting.clear();
    worker = undefined;
  });
  worker = w;
  return w;
}

/** Mermaid's verdict on one diagram's text: undefined when it parses. */
function parseMermaid(source: string): Promise<ParseError | undefined> {
  const id = nextId++;
  return new Promise((done) => {
    waiting.set(id, (reply) => done(reply.error));
    const w = parserWorker();
    w.ref(); // keep the process alive while a parse is awaited, not after
    w.postMessage({ id, source });
  }).finally(() => {
    if (waiting.size === 0) worker?.unref();
  }) as Promise<ParseError | undefined>;
}

interface ParseError {
  message?: string;
  hash?: { loc?: { first_line?: number } };
}

/**
 * Mermaid parses its text after dropping front matter, `%%{…}%%` directives, `%%` comment lines (with
 * the blank lines before them) and leading blank lines, so the line in its error counts only what is
 * left. Returns, for each line Mermaid parses (0-based), the 0-based line of `source` it came from.
 */
export function parsedLines(source: string): number[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const kept = lines.map(() => true);
  let start = 0;
  if (lines[0]?.trim() === '---') {
    const end = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
    if (end > 0) start = end + 1;
  }
  for (let i = 0; i < start; i++) kept[i] = false;
  const blank = (i: number) => kept[i] && (lines[i] ?? '').trim() === '';
  for (let i = start; i < lines.length; i++) {
    const t = (lines[i] ?? '').trim();
    if (/^%%\{[\s\S]*\}%%$/.test(t))
      lines[i] = ''; // a directive leaves its line empty
    else if (/^%%(?!\{)./.test(t)) {
      kept[i] = false;
      for (let j = i - 1; j >= start && blank(j); j--) kept[j] = false;
    }
  }
  for (let i = start; i < lines.length && (blank(i) || !kept[i]); i++) kept[i] = false;
  return lines.flatMap((_, i) => (kept[i] ? [i] : []));
}

/** Mermaid's installed version: a verdict kept on disk holds for that version only. */
let mermaidVersion: string | undefined;
function versionOfMermaid(): string {
  if (mermaidVersion === undefined) {
    try {
      const main = fileURLToPath(import.meta.resolve('mermaid'));
      const pkg = join(main.slice(0, main.lastIndexOf(`${sep}dist${sep}`)), 'package.json');
      mermaidVersion = String((JSON.parse(readFileSync(pkg, 'utf8')) as { version?: string }).version ?? '');
    } catch {
      mermaidVersion = '';
    }
  }
  return mermaidVersion;
}

/** Verdicts by diagram text, for this process: a course repeats diagrams, and the dev server re-checks. */
const verdicts = new Map<string, Promise<ParseError | undefined>>();

/**
 * Mermaid's verdict on a diagram's text, from `cacheDir/lectern-mermaid/` when an earlier run parsed the same
 * text with the same Mermaid: a build of a course whose diagrams did not change never loads Mermaid (seconds).
 */
function verdict(source: string, cacheDir: string | undefined): Promise<ParseError | undefined> {
  let known = verdicts.get(source);
  if (known) return known;
  const version = cacheDir ? versionOfMermaid() : '';
  const file =
    cacheDir && version
      ? join(cacheDir, 'lectern-mermaid', `${createHash('sha1').update(`${version}\n${source}`).digest('hex')}.json`)
      : undefined;
  known = (async () => {
    if (file && existsSync(file)) {
      try {
        return (JSON.parse(readFileSync(file, 'utf8')) as { error?: ParseError }).error;
      } catch {}
    }
    const error = await parseMermaid(source);
    // A parser that stopped is no verdict on the diagram: not kept.
    if (file && !error?.message?.startsWith('the Mermaid parser stopped')) {
      try {
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, JSON.stringify(error ? { error } : {}));
      } catch {}
    }
    return error;
  })();
  verdicts.set(source, known);
  return known;
}

/**
 * Parses every diagram of a deck; a syntax error is reported at its line in the .md (or the .mmd).
 * `cacheDir`: keep verdicts there between runs (the build and the dev server pass Vite's cache folder).
 */
export async function checkDiagrams(deck: Deck, cacheDir?: string): Promise<Diagnostic[]> {
  if (deck.diagrams.length === 0) return [];
  const out: Diagnostic[] = [];
  for (const d of deck.diagrams) {
    const e = await verdict(d.source, cacheDir);
    if (e) {
      const parsed = e.hash?.loc?.first_line;
      // 1-based line in the text as written (.mmd lines first, then the fence body).
      const at = parsed === undefined ? undefined : (parsedLines(d.source)[parsed - 1] ?? parsed - 1) + 1;
      const inFile = d.srcFile && at !== undefined && at <= d.srcLines;
      const line = at === undefined ? d.line : inFile ? d.line : d.line + at - d.srcLines;
      const text = (e.message ?? 'syntax error').split('\n').filter(Boolean);
      // Mermaid's "on line N" counts lines after dropping comments: our own location replaces it.
      const first = (text[0] ?? 'syntax error').replace(/ on line \d+:?$/, '');
      const where = inFile ? ` (${d.srcFile}:${at})` : '';
      const excerpt = text.length > 2 ? text.slice(1, -1).join('\n') : '';
      out.push({
        code: 'mermaid-syntax',
        file: deck.file,
        line,
        severity: 'error',
        message: `mermaid: ${first}${where}${text.length > 1 ? `: ${text.at(-1)}` : ''}`,
        ...(excerpt ? { detail: excerpt } : {}),
        hint: 'see https://mermaid.js.org/syntax/flowchart.html; the slide shows an error box instead of the diagram',
      });
    }
  }
  return out;
}
