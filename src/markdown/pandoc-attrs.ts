/** Pandoc's attribute lists, as Quarto decks write them: `{#id .class .other key=value key="a b"}`. */
export interface PandocAttrs {
  id?: string;
  classes: string[];
  attrs: Record<string, string>;
}

/**
 * Reads the words after a fenced div's colons: `{.columns}`, `{.column width="40%"}`, a bare class
 * (`notes`, `fragment fade-up`, `.incremental`), or both (`columns {style="gap: 1em"}`).
 */
export function parseDivInfo(info: string): PandocAttrs {
  const text = info.replace(/\s*:+\s*$/, '').trim();
  const brace = text.indexOf('{');
  const words = (brace < 0 ? text : text.slice(0, brace)).split(/\s+/).filter(Boolean);
  const inner = brace < 0 ? '' : text.slice(brace + 1, text.lastIndexOf('}') > brace ? text.lastIndexOf('}') : undefined);
  const parsed = parsePandocAttrs(inner);
  parsed.classes.unshift(...words.map((w) => w.replace(/^\./, '')));
  return parsed;
}

/** The inside of `{…}`: `#id`, `.class`, `key=value`, `key="quoted value"`, `key='…'`. */
export function parsePandocAttrs(text: string): PandocAttrs {
  const out: PandocAttrs = { classes: [], attrs: {} };
  for (const m of text.matchAll(/([#.]?)([^\s=#."']+)(?:=(?:"([^"]*)"|'([^']*)'|([^\s"']+)))?/g)) {
    const [, sigil, name = '', dq, sq, bare] = m;
    if (sigil === '#') out.id = name;
    else if (sigil === '.') out.classes.push(name);
    else out.attrs[name] = dq ?? sq ?? bare ?? '';
  }
  return out;
}
