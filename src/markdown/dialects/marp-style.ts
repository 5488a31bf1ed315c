import postcss, { type AtRule, CssSyntaxError } from 'postcss';

/** The attribute that names one slide for its scoped styles (Marpit's `data-marpit-scope-…`). */
export const SCOPE_ATTR = 'data-lectern-scope';

/** `<style>`/`<style scoped>` elements of a Marp slide: Marpit reads them even where other HTML is off. */
export const STYLE_ELEMENT = /<style(\s+scoped)?\s*>([\s\S]*?)<\/style\s*>/gi;

/**
 * Marpit's `<style scoped>`: the rules apply to one slide only. A selector starting with `section` (or
 * `:root`) names the slide itself; any other selector looks inside it. `@keyframes` stay as they are.
 * Throws postcss's CssSyntaxError (with its line) for CSS that does not parse.
 */
export function scopeCss(css: string, scope: string): string {
  const slide = `section[${SCOPE_ATTR}="${scope}"]`;
  const root = postcss.parse(css);
  root.walkRules((rule) => {
    const parent = rule.parent;
    if (parent?.type === 'atrule' && /keyframes$/i.test((parent as AtRule).name)) return;
    rule.selectors = rule.selectors.map((selector) => {
      const s = selector.trim();
      if (/^(section|:root)(?![\w-])/.test(s)) return s.replace(/^(section|:root)/, slide);
      return `${slide} ${s}`;
    });
  });
  return root.toString();
}

export { CssSyntaxError };
