/**
 * Compiled decks kept on disk between builds (`node_modules/.vite/lectern-decks/`), so a rebuild after one
 * lecture was edited compiles that lecture only. An entry is used when the deck file's text, the course's
 * deck list and Lectern's own code are what they were, and every question the compile asked about other
 * files (does `assets/x.png` exist, what does `assets/tree.mmd` say, which files are in assets/) gets the
 * same answer now: the compile's context is wrapped to record them. Anything else is a miss and a compile.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CompileContext, Deck } from '../model/types.js';

/** One question the compile asked, and its answer (a hash for file contents and lists). */
type Dep = ['exists', string, boolean] | ['read', string, string | null] | ['files', string];

interface Entry {
  key: string;
  deps: Dep[];
  deck: Deck;
}

/** A cache key's hash (SHA-1, hex): also the search index's and the built pages' caches. */
export const sha = (text: string): string => createHash('sha1').update(text).digest('hex');

/** This Lectern's compile code and installed packages: file sizes and times of src/, and the lock files. */
let version: string | undefined;
export function codeVersion(): string {
  if (version) return version;
  const pkg = fileURLToPath(new URL('../..', import.meta.url));
  const parts: string[] = [];
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path);
      else if (/\.(ts|mjs|js|json|css)$/.test(e.name) && !e.name.includes('.test.')) {
        const st = statSync(path);
        parts.push(`${path}:${st.size}:${st.mtimeMs}`);
      }
    }
  };
  for (const dir of ['markdown', 'model', 'project']) walk(join(pkg, 'src', dir));
  for (const lock of ['package-lock.json', join('node_modules', '.package-lock.json'), 'package.json']) {
    const path = join(pkg, lock);
    if (existsSync(path)) parts.push(`${lock}:${statSync(path).mtimeMs}`);
  }
  version = sha(parts.join('\n'));
  return version;
}

export class DeckCache {
  constructor(private readonly dir: string) {}

  private path(file: string): string {
    return join(this.dir, `${sha(file)}.json`);
  }

  private key(file: string, text: string, slugs: ReadonlySet<string>): string {
    return sha(`${codeVersion()}\n${file}\n${[...slugs].sort().join('\n')}\n${text}`);
  }

  /** The compiled deck when nothing it was made from has changed, else undefined. */
  get(file: string, text: string, ctx: CompileContext): Deck | undefined {
    const path = this.path(file);
    if (!existsSync(path)) return undefined;
    let entry: Entry;
    try {
      entry = JSON.parse(readFileSync(path, 'utf8')) as Entry;
    } catch {
      return undefined;
    }
    if (entry.key !== this.key(file, text, ctx.slugs)) return undefined;
    for (const dep of entry.deps) if (!same(dep, ctx)) return undefined;
    return entry.deck;
  }

  /** `ctx` wrapped to record what the compile asks, and a function that stores the deck with those answers. */
  recording(file: string, text: string, ctx: CompileContext): { ctx: CompileContext; put: (deck: Deck) => void } {
    const deps: Dep[] = [];
    const recorded: CompileContext = {
      ...ctx,
      assetExists: (rel) => {
        const answer = ctx.assetExists(rel);
        deps.push(['exists', rel, answer]);
        return answer;
      },
      readAsset: (rel) => {
        const answer = ctx.readAsset(rel);
        deps.push(['read', rel, answer === undefined ? null : sha(answer)]);
        return answer;
      },
      ...(ctx.assetFiles
        ? {
            assetFiles: () => {
              const answer = ctx.assetFiles?.() ?? [];
              deps.push(['files', sha(answer.join('\n'))]);
              return answer;
            },
          }
        : {}),
    };
    const put = (deck: Deck) => {
      const entry: Entry = { key: this.key(file, text, ctx.slugs), deps, deck };
      try {
        mkdirSync(this.dir, { recursive: true });
        const path = this.path(file);
        const tmp = `${path}.${process.pid}.tmp`;
        writeFileSync(tmp, JSON.stringify(entry));
        renameSync(tmp, path);
      } catch {
        // A cache that cannot be written is only slower.
      }
    };
    return { ctx: recorded, put };
  }
}

function same(dep: Dep, ctx: CompileContext): boolean {
  if (dep[0] === 'exists') return ctx.assetExists(dep[1]) === dep[2];
  if (dep[0] === 'read') {
    const now = ctx.readAsset(dep[1]);
    return (now === undefined ? null : sha(now)) === dep[2];
  }
  return sha((ctx.assetFiles?.() ?? []).join('\n')) === dep[1];
}
