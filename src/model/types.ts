/** Types shared by every stage of the pipeline: source -> slide model -> HTML. */
import type { Ink } from './ink.js';

export type Severity = 'error' | 'warning';

/** An authoring problem, as data. `file` is relative to the project root, `line` is 1-based. */
export interface Diagnostic {
  /** Stable rule id (`image-missing`, `overflow`, …): tools group and de-duplicate by it, never by the message. */
  code: string;
  file: string;
  line: number;
  severity: Severity;
  message: string;
  /** Lines to show under the message as they are (an excerpt of the source with a caret). */
  detail?: string;
  hint?: string;
}

/** Which tool's Markdown a deck is written in (front matter, or `dialect:`). */
export type Dialect = 'lectern' | 'reveal' | 'quarto' | 'marp';

/** How a deck's body is cut into slides. */
export type SlideRules =
  /** Lectern's own: `---`/`--` lines, else headings (`splitLevels`). */
  | { kind: 'lectern' }
  /** reveal.js / reveal-md: separators are regular expressions over the whole text. */
  | { kind: 'regex'; horizontal: string; vertical?: string }
  /** Quarto: headings at `slideLevel` start slides, higher ones section slides, `---` a slide without title. */
  | {
      kind: 'quarto';
      slideLevel: number;
      /** `navigation-mode: vertical`: the slides of a `#` section stack below its section slide. */
      verticalSections?: boolean;
    }
  /** Marp: `---` lines, and headings up to `headingDivider` when set. */
  | { kind: 'marp'; headingDivider?: number };

/** Deck-level options from YAML front matter, with defaults applied. */
export interface DeckMeta {
  title: string;
  author?: string;
  date?: string;
  lang: string;
  tags: string[];
  /** Talk length in minutes (from `duration: 45min`), drives reveal's pacing timer. */
  durationMinutes?: number;
  /** Link to the article the deck is based on. */
  source?: string;
  /** Heading levels that start a horizontal / vertical slide when the file has no `---` separators. */
  splitLevels: { horizontal: number; vertical: number };
  /** Every list steps item by item. */
  incremental: boolean;
  /** Raw HTML in slides passes through (the author's own); false for untrusted decks. */
  html: boolean;
  /** Warn for every slide without speaker notes. */
  notesRequired: boolean;
  theme: string;
  /** Lectern's look for `theme` (light or dark). */
  look: 'light' | 'dark';
  dialect: Dialect;
  slideRules: SlideRules;
  /** The front matter names a title (Quarto makes a title slide only then). */
  titleFromFrontMatter: boolean;
  subtitle?: string;
  /** reveal.js options the deck sets (reveal-md's `revealOptions`, Quarto's `format: revealjs`), passed to reveal. */
  reveal: Record<string, unknown>;
  /** reveal-md's `notesSeparator` (a regular expression); default `Note:`/`Notes:` lines. */
  notesSeparator?: string;
  /** Every code block shows line numbers (Slidev's `lineNumbers: true`, Quarto's `code-line-numbers: true`). */
  lineNumbers?: boolean;
  /** A class every slide gets (Quarto's `smaller: true`, `scrollable: true`). */
  slideClass?: string;
  /** Quarto's `title-slide-attributes` (a background for the title slide, …). */
  titleSlideAttrs?: Record<string, string>;
  /** Quarto's deck-wide `footer`. */
  footer?: string;
  /** The deck's own CSS (Marp's `style:`). */
  css?: string;
  /** `css:` stylesheets, as written (relative to the deck or under assets/). */
  cssFiles: string[];
  /** One-line summary for the course home. */
  description?: string;
  /** Front matter `handout-answers: blank`: the handout leaves the Q&A answers as ruled lines to fill in. */
  handoutAnswers?: 'blank';
  /** Position on the course home (front matter `order:`); see src/project/course.ts for the fallbacks. */
  order?: number;
}

/** One slide cut out of the source, before any Markdown is rendered. */
export interface SlideSource {
  /** Position in the deck: horizontal index and vertical index within its stack. */
  h: number;
  v: number;
  /** 1-based line in the file of the slide's first body line. */
  line: number;
  /** Markdown of the slide body. Lines taken out (notes, comments) are blanked, so body line i is file line `line + i`. */
  body: string;
  /** Markdown of the speaker notes, empty when there are none. */
  notes: string;
  notesLine: number;
  /** Attributes for the `<section>` from `<!-- .slide: … -->`. */
  attrs: Record<string, string>;
  /**
   * `title`: the title slide a file cut at headings gets, made from its front matter (title, author,
   * date) before whatever text precedes the first heading. `content`: every other slide.
   */
  kind: 'title' | 'content';
}

export interface RenderedSlide {
  h: number;
  v: number;
  line: number;
  title: string;
  html: string;
  notesHtml: string;
  attrs: Record<string, string>;
  hasMermaid: boolean;
}

/** A Mermaid diagram as written, for checks that parse it outside the browser. */
export interface DiagramSource {
  /** File line of the fence. */
  line: number;
  /** The text Mermaid will draw (an `assets/*.mmd` source, then the fence body). */
  source: string;
  /** `assets/x.mmd` when the diagram comes from a file; its lines come first in `source`. */
  srcFile?: string;
  srcLines: number;
}

/** A deck after every stage: what the HTML page and the checker need. */
export interface Deck {
  slug: string;
  /** Source path relative to the project root, e.g. `slides/intro.md`. */
  file: string;
  meta: DeckMeta;
  slides: RenderedSlide[];
  diagnostics: Diagnostic[];
  hasMermaid: boolean;
  hasMath: boolean;
  diagrams: DiagramSource[];
  /** Project-relative files the page loads that Vite does not bundle (backgrounds, lazy media): copied into the site. */
  files: string[];
  /** The deck's own CSS: Marp's `style:` and the `css:` files, read at build. */
  css: string;
  /** The lecturer's saved ink (`slides/<slug>.ink.json`), when there is one. */
  ink?: Ink;
  /** The most groups of any code walkthrough in the deck (0 or absent: none). */
  walkGroups?: number;
}

/** What a deck needs to know about the rest of the project. */
export interface CompileContext {
  /** Absolute project root. */
  root: string;
  /** Slugs of every deck, to resolve links between decks. */
  slugs: ReadonlySet<string>;
  /** Reads a file under the project root, or returns undefined when it does not exist. */
  readAsset: (relPath: string) => string | undefined;
  assetExists: (relPath: string) => boolean;
  /** Every file under assets/ (project-relative), for "did you mean …" hints. */
  assetFiles?: () => string[];
}
