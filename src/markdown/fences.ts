/** Tracks whether a line is inside a fenced code block, so line-based stages skip code. */
export function fenceTracker(): (line: string) => boolean {
  let open: { char: string; size: number } | null = null;
  return (line: string) => {
    const m = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (!open) {
      if (m?.[1]) {
        open = { char: m[1][0] ?? '`', size: m[1].length };
        return true;
      }
      return false;
    }
    if (m?.[1] && m[1][0] === open.char && m[1].length >= open.size && line.trim() === m[1]) open = null;
    return true;
  };
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
