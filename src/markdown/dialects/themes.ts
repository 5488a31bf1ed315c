/** Lectern's own looks; both use the bundled fonts (no theme CSS from reveal, whose themes import web fonts). */
export type Look = 'light' | 'dark';

/** Theme names decks bring with them (reveal.js, Marp, Quarto and its Bootswatch names) -> the nearest look. */
const LOOKS: Record<string, Look> = {
  lectern: 'light',
  light: 'light',
  dark: 'dark',
  // reveal.js
  white: 'light',
  beige: 'light',
  sky: 'light',
  serif: 'light',
  simple: 'light',
  solarized: 'light',
  'white-contrast': 'light',
  black: 'dark',
  'black-contrast': 'dark',
  league: 'dark',
  night: 'dark',
  moon: 'dark',
  dracula: 'dark',
  blood: 'dark',
  // Marp
  default: 'light',
  gaia: 'light',
  uncover: 'light',
  // Quarto / Bootswatch
  cosmo: 'light',
  flatly: 'light',
  litera: 'light',
  lumen: 'light',
  minty: 'light',
  sandstone: 'light',
  united: 'light',
  yeti: 'light',
  cyborg: 'dark',
  darkly: 'dark',
  slate: 'dark',
  solar: 'dark',
  superhero: 'dark',
  vapor: 'dark',
};

export const LOOK_NAMES: readonly string[] = Object.keys(LOOKS);

/** The look for a `theme:` value (a name, a path like `css/theme/night.css`, or a list: the first known), or undefined. */
export function lookOf(theme: unknown): Look | undefined {
  const names = Array.isArray(theme) ? theme : [theme];
  for (const name of names) {
    if (typeof name !== 'string') continue;
    const base =
      name
        .split('/')
        .pop()
        ?.replace(/\.(s?css)$/i, '')
        .toLowerCase() ?? '';
    const look = LOOKS[base];
    if (look) return look;
  }
  return undefined;
}
