import { describe, expect, it } from 'vitest';
import { compile, dom, memoryContext, messages } from '../../../test/helpers.js';

const FM = '---\ntitle: T\n---\n';
const slide = async (md: string) => {
  const deck = await compile(`${FM}${md}`);
  return { deck, frag: dom(deck.slides[0]?.html ?? '') };
};
const columnTexts = (frag: DocumentFragment) =>
  [...frag.querySelectorAll('.lectern-columns > .lectern-column')].map((c) => c.textContent?.replace(/\s+/g, ' ').trim());

describe('nested ::: containers (issue 18: columns as README shows them)', () => {
  it('keeps both columns inside ::: columns when each ends in a list', async () => {
    const { deck, frag } = await slide('::: columns\n::: column\n- a\n- b\n:::\n::: column\n- c\n- d\n:::\n:::\n\nafter');
    expect(columnTexts(frag)).toEqual(['a b', 'c d']);
    expect(frag.querySelector('.lectern-columns + p')?.textContent).toBe('after');
    expect(frag.textContent).not.toContain(':::');
    expect(messages(deck)).toEqual([]);
  });

  it('reads pandoc longer outer fences and attribute lists with widths', async () => {
    const { deck, frag } = await slide(':::: {.columns}\n::: {.column width="40%"}\ntext\n:::\n::: {.column width="60%"}\n- c\n:::\n::::');
    expect(columnTexts(frag)).toEqual(['text', 'c']);
    const widths = [...frag.querySelectorAll<HTMLElement>('.lectern-column')].map((c) => c.style.width);
    expect(widths).toEqual(['40%', '60%']);
    expect(frag.textContent).not.toContain(':');
    expect(messages(deck)).toEqual([]);
  });

  it('closes a container right after a list without a blank line', async () => {
    const { frag } = await slide('::: fragment\n- a\n- b\n:::\nafter');
    expect(frag.querySelector('div.fragment')?.textContent?.trim().replace(/\s+/g, ' ')).toBe('a b');
    expect(frag.querySelector('div.fragment + p')?.textContent).toBe('after');
  });

  it('gives a hint that fixes a stray closing :::', async () => {
    const { deck } = await slide('::: fragment\n> a quote\n> :::');
    expect(deck.diagnostics[0]?.hint).toMatch(/`>`/);
  });

  it('reads Quarto fragment, incremental and class divs with any colon count', async () => {
    const { frag } = await slide(
      '::: {.fragment .fade-in}\nx\n:::\n\n::::: incremental\n- a\n- b\n:::::\n\n::: {.nonincremental}\n- c\n:::\n\n::: {.r-fit-text style="color: red"}\nBig\n:::',
    );
    expect(frag.querySelector('div.fragment.fade-in')?.textContent?.trim()).toBe('x');
    expect([...frag.querySelectorAll('li.fragment')].map((l) => l.textContent)).toEqual(['a', 'b']);
    expect(frag.querySelector<HTMLElement>('div.r-fit-text')?.style.color).toBe('red');
  });
});

describe('notes divs in every pandoc form', () => {
  it.each(['::: notes', ':::notes', ':::: {.notes}', '::: {.notes} :::'])('%s … ::: goes to the notes', async (open) => {
    const deck = await compile(`${FM}# T\n\nshown\n\n${open}\nsecret\n${open.startsWith('::::') ? '::::' : ':::'}\n`);
    expect(deck.slides[0]?.notesHtml).toContain('secret');
    expect(deck.slides[0]?.html).not.toContain('secret');
    expect(deck.slides[0]?.html).not.toContain(':::');
  });
});

describe('pandoc attributes', () => {
  it('sizes and centres an image, keeps braces that are not attributes as text', async () => {
    const deck = await compile(
      `${FM}![cat](../assets/x.png){width=60% fig-align=center}\n\nthe set {a, b} and $\\{x\\}$`,
      memoryContext({ 'assets/x.png': '' }),
    );
    const frag = dom(deck.slides[0]?.html ?? '');
    expect(messages(deck)).toEqual([]);
    const img = frag.querySelector<HTMLImageElement>('img');
    expect(img?.style.width).toBe('60%');
    expect(img?.style.marginLeft).toBe('auto');
    expect(img?.getAttribute('fig-align')).toBeNull();
    expect(frag.textContent).toContain('the set {a, b}');
  });

  it('makes bracketed spans and list items fragments, and footnotes', async () => {
    const { frag } = await slide('a [red]{.fragment .fade-in} b[^1]\n\n[^1]: the note');
    expect(frag.querySelector('span.fragment.fade-in')?.textContent).toBe('red');
    expect(frag.querySelector('.footnotes')?.textContent).toContain('the note');
    expect(frag.textContent).not.toContain('{');
  });

  it('drops event handlers given as attributes in an untrusted deck', async () => {
    const deck = await compile('---\ntitle: T\nhtml: false\n---\n![x](../assets/x.png){onerror="alert(1)"}');
    expect(deck.slides[0]?.html).not.toContain('onerror');
  });
});

describe('diagram size (issue 18: a way to scale a diagram)', () => {
  it('passes width and height to the drawing, ignoring values that are not CSS sizes', async () => {
    const { frag } = await slide(
      '```mermaid width="60%" height=600 caption="Tree"\nflowchart LR\n  a --> b\n```\n\n```mermaid width="x;y" caption="T"\nflowchart LR\n  a --> b\n```',
    );
    const [sized, plain] = [...frag.querySelectorAll<HTMLElement>('figure.lectern-diagram')];
    expect(sized?.style.getPropertyValue('--lectern-diagram-width')).toBe('60%');
    expect(sized?.style.getPropertyValue('--lectern-diagram-height')).toBe('600px');
    expect(plain?.getAttribute('style')).toBeNull();
  });
});
