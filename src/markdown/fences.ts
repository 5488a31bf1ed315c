const FENCE = /^\s{0,3}(`{3,}|~{3,})/;

/**
 * Tracks whether a line is inside a fenced code block, so line-based stages skip code.
 * Openings listed in `unclosed` (indices of the lines fed in, see `unclosedFences`) are not treated
 * as fences: a fence that never closes must not hide every `---` after it.
 */
export function fenceTracker(unclosed: ReadonlySet<number> = new Set()): (line: string) => boolean {
  let open: { char: string; size: number } | null = null;
  let index = -1;
  return (line: string) => {
    index += 1;
    const m = FENCE.exec(line);
    if (!open) {
      if (m?.[1] && !unclosed.has(index)) {
        open = { char: m[1][0] ?? '`', size: m[1].length };
        return true;
      }
      return false;
    }
    if (m?.[1] && m[1][0] === open.char && m[1].length >= open.size && line.trim() === m[1]) open = null;
    return true;
  };
}

/**
 * Line indices of fence openings that are never closed: open at the end of the text, or followed by
 * another opening with a language (` ```js ` inside a ` ``` ` block can only be the next block, so the
 * one before it lost its closing line).
 */
export function unclosedFences(lines: readonly string[]): Set<number> {
  const unclosed = new Set<number>();
  let open: { char: string; size: number; at: number } | null = null;
  lines.forEach((line, i) => {
    const m = FENCE.exec(line);
    const fence = m?.[1];
    if (!fence) return;
    const char = fence[0] ?? '`';
    if (!open) {
      open = { char, size: fence.length, at: i };
      return;
    }
    if (char !== open.char || fence.length < open.size) return;
    if (line.trim() === fence) open = null;
    else if (/^[\w+#-]+/.test(line.trim().slice(fence.length))) {
      unclosed.add(open.at);
      open = { char, size: fence.length, at: i };
    }
  });
  if (open) unclosed.add((open as { at: number }).at);
  return unclosed;
}

/** reveal.js attribute lists: `class="fragment" data-x='y' data-flag`. */
export function parseAttrList(text: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const m of text.matchAll(/([^\s=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"']+)))?/g)) {
    const name = m[1];
    if (name) attrs[name] = m[2] ?? m[3] ?? m[4] ?? '';
  }
  return attrs;
}

/**
 * Attributes an untrusted deck (`html: false`) may not set through `<!-- .element/.slide: … -->`:
 * event handlers, script URLs and reveal's iframe backgrounds.
 */
export function isUnsafeAttr(name: string, value: string): boolean {
  return /^on/i.test(name) || /^data-background-iframe$/i.test(name) || /^\s*(javascript|vbscript|data:text\/html)/i.test(value);
}

export function safeAttrs(attrs: Record<string, string>, trusted: boolean): Record<string, string> {
  if (trusted) return attrs;
  return Object.fromEntries(Object.entries(attrs).filter(([k, v]) => !isUnsafeAttr(k, v)));
}
