import type { DeckMeta, SlideRules } from '../../model/types.js';
import { detectDialect, quartoFormat } from './detect.js';

type Warn = (key: string, message: string, hint: string, code: string) => void;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** reveal.js options a deck may set (reveal-md's `revealOptions`, Quarto's `format: revealjs`): passed to reveal as given. */
export const REVEAL_OPTIONS = new Set([
  'transition',
  'transitionSpeed',
  'backgroundTransition',
  'slideNumber',
  'showSlideNumber',
  'controls',
  'controlsTutorial',
  'controlsLayout',
  'controlsBackArrows',
  'progress',
  'center',
  'width',
  'height',
  'margin',
  'minScale',
  'maxScale',
  'loop',
  'rtl',
  'shuffle',
  'fragments',
  'fragmentInURL',
  'autoSlide',
  'autoSlideStoppable',
  'autoAnimate',
  'autoAnimateEasing',
  'autoAnimateDuration',
  'autoAnimateUnmatched',
  'navigationMode',
  'viewDistance',
  'mobileViewDistance',
  'display',
  'hideInactiveCursor',
  'hideCursorTime',
  'preloadIframes',
  'mouseWheel',
  'overview',
  'touch',
  'help',
  'disableLayout',
]);

/** Quarto's kebab-case revealjs options that are reveal options under another name. */
const QUARTO_REVEAL: Record<string, string> = {
  'slide-number': 'slideNumber',
  'show-slide-number': 'showSlideNumber',
  'transition-speed': 'transitionSpeed',
  'background-transition': 'backgroundTransition',
  'controls-layout': 'controlsLayout',
  'controls-tutorial': 'controlsTutorial',
  'auto-slide': 'autoSlide',
  'auto-animate': 'autoAnimate',
  'navigation-mode': 'navigationMode',
  'view-distance': 'viewDistance',
  'hide-inactive-cursor': 'hideInactiveCursor',
  'preload-iframes': 'preloadIframes',
  'mouse-wheel': 'mouseWheel',
  'fragment-in-url': 'fragmentInURL',
};
/** Quarto options Lectern reads itself, or that only affect how Quarto builds files. */
const QUARTO_OWN = new Set([
  'incremental',
  'smaller',
  'scrollable',
  'footer',
  'logo',
  'theme',
  'css',
  'slide-level',
  'title-slide-attributes',
  'code-line-numbers',
  'echo',
  'self-contained',
  'embed-resources',
  'html-math-method',
  'preview-links',
  'chalkboard',
  'multiplex',
  'menu',
  'code-fold',
  'code-overflow',
  'highlight-style',
  'output-file',
  'toc',
]);
/** Of QUARTO_OWN, the ones with nothing to show for them here (warned about). */
const QUARTO_UNSUPPORTED = new Set(['chalkboard', 'multiplex', 'menu', 'preview-links']);

function revealOptionsFrom(
  source: Record<string, unknown>,
  where: string,
  warn: Warn,
  rename: Record<string, string> = {},
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(source)) {
    const name = rename[key] ?? key;
    if (REVEAL_OPTIONS.has(name) && (typeof value !== 'object' || value === null)) out[name] = value;
    else if (!(where === 'format' && QUARTO_OWN.has(key)))
      warn(
        where === 'format' ? 'format' : 'revealOptions',
        `${where === 'format' ? 'format: revealjs' : 'revealOptions'}: \`${key}\` is not passed to reveal.js`,
        `Lectern sets it itself or has no equivalent; passed through: ${[...REVEAL_OPTIONS].slice(0, 10).join(', ')}, …`,
        'dialect-option-ignored',
      );
  }
  return out;
}

function checkRegex(source: string, key: string, warn: Warn): boolean {
  try {
    new RegExp(source, 'gm');
    return true;
  } catch (err) {
    warn(
      key,
      `\`${key}\` is not a valid regular expression (${(err as Error).message}): reveal-md's default is used`,
      'write it as reveal-md reads it, e.g. `separator: <!--s-->` or `separator: "^---$"`',
      'dialect-separator-invalid',
    );
    return false;
  }
}

/** reveal-md's default separators (`---` and `----`), with reveal.js's `--` also read as vertical. */
const REVEAL_MD_SEPARATOR = '\\r?\\n---\\r?\\n';
const REVEAL_MD_VERTICAL = '\\r?\\n(?:----|--)\\r?\\n';

/**
 * Fills the dialect's part of `meta` from the front matter: how slides are cut, the notes separator,
 * reveal.js options to pass on, Quarto's and Marp's deck-wide settings. What cannot be honoured is warned about.
 */
export function applyDialect(meta: DeckMeta, data: Record<string, unknown>, warn: Warn): void {
  meta.dialect = detectDialect(data);
  meta.titleFromFrontMatter = str(data.title) !== undefined;
  meta.subtitle = str(data.subtitle);
  if (meta.dialect === 'reveal') {
    const sep = str(data.separator);
    const vsep = str(data.verticalSeparator);
    const nsep = str(data.notesSeparator);
    const rules: SlideRules = {
      kind: 'regex',
      horizontal: sep && checkRegex(sep, 'separator', warn) ? sep : REVEAL_MD_SEPARATOR,
      vertical:
        vsep && checkRegex(vsep, 'verticalSeparator', warn) ? vsep : vsep ? REVEAL_MD_VERTICAL : sep ? undefined : REVEAL_MD_VERTICAL,
    };
    meta.slideRules = rules;
    if (nsep && checkRegex(nsep, 'notesSeparator', warn)) meta.notesSeparator = nsep;
    if (isRecord(data.revealOptions)) meta.reveal = revealOptionsFrom(data.revealOptions, 'revealOptions', warn);
    for (const key of ['highlightTheme', 'scripts', 'preprocessor', 'template'])
      if (data[key] !== undefined)
        warn(
          key,
          `reveal-md's \`${key}\` is not used here`,
          key === 'highlightTheme'
            ? "code is highlighted with Lectern's own colours"
            : 'Lectern builds the page itself; put styles in `css:`',
          'dialect-option-ignored',
        );
  }
  if (meta.dialect === 'quarto') {
    const fmt = quartoFormat(data.format) ?? {};
    const level = Number(fmt['slide-level'] ?? data['slide-level'] ?? 2);
    meta.slideRules = { kind: 'quarto', slideLevel: level >= 1 && level <= 6 ? level : 2 };
    meta.reveal = revealOptionsFrom(fmt, 'format', warn, QUARTO_REVEAL);
    // Quarto's `navigation-mode: vertical` is a layout (sections as vertical stacks), reveal's default mode.
    if (meta.reveal.navigationMode === 'vertical') {
      meta.slideRules.verticalSections = true;
      delete meta.reveal.navigationMode;
    }
    const titleAttrs = fmt['title-slide-attributes'];
    if (isRecord(titleAttrs))
      meta.titleSlideAttrs = Object.fromEntries(
        Object.entries(titleAttrs)
          .filter(([, v]) => typeof v !== 'object' || v === null)
          .map(([k, v]) => [k.startsWith('data-') ? k : `data-${k}`, String(v ?? '')]),
      );
    if (typeof fmt.incremental === 'boolean') meta.incremental = fmt.incremental;
    if (typeof fmt['code-line-numbers'] === 'boolean') meta.lineNumbers = fmt['code-line-numbers'];
    const classes = ['smaller', 'scrollable'].filter((c) => fmt[c] === true);
    if (classes.length) meta.slideClass = classes.join(' ');
    meta.footer = str(fmt.footer) ?? str(data.footer);
    if (str(fmt.theme)) meta.theme = String(fmt.theme);
    for (const key of Object.keys(fmt))
      if (QUARTO_UNSUPPORTED.has(key))
        warn(
          'format',
          `format: revealjs: \`${key}\` is not supported and is left out`,
          'Lectern has no equivalent; the deck works without it',
          'dialect-option-ignored',
        );
    if (str(fmt.logo))
      warn('format', 'format: revealjs: `logo` is not shown', 'put the image on the title slide instead', 'dialect-option-ignored');
  }
  if (meta.dialect === 'marp') {
    const divider = data.headingDivider;
    const level = Array.isArray(divider) ? Math.max(...divider.map(Number)) : Number(divider);
    meta.slideRules = { kind: 'marp', headingDivider: level >= 1 && level <= 6 ? level : undefined };
    if (str(data.style)) meta.css = String(data.style);
    // A Marp slide is the whole screen: no margin around it, so `![bg left]` and colours reach the screen's edge.
    meta.reveal = { margin: 0, ...(data.size === '4:3' ? { width: 960, height: 720 } : {}) };
  }
}
