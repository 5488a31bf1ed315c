import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { uiCharacters as allUiCharacters } from '../model/ui-strings.js';

/**
 * Every non-ASCII character the browser runtime can show by itself (labels, buttons, messages in every UI
 * language), for the font subset every page gets: every UI string (src/model/ui-strings.ts) and whatever
 * else the runtime's sources spell (symbols in CSS `content`, say), so nothing needs a second list kept in step.
 */
let cached: string | undefined;
export function uiCharacters(): string {
  if (cached !== undefined) return cached;
  const dir = fileURLToPath(new URL('../runtime/', import.meta.url));
  const chars = new Set<string>();
  // Recursive: the stylesheets' parts sit in folders (theme/, reading/, speaker/).
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (!/\.(ts|css)$/.test(name) || name.endsWith('.test.ts')) continue;
    for (const c of readFileSync(`${dir}${name}`, 'utf8')) if ((c.codePointAt(0) ?? 0) > 0x7e) chars.add(c);
  }
  for (const c of allUiCharacters()) if ((c.codePointAt(0) ?? 0) > 0x7e) chars.add(c);
  cached = [...chars].sort().join('');
  return cached;
}
