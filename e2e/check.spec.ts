import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { checkVisual } from '../src/check/visual';
import { expect, test } from './fixtures';
import { tempCourse } from './temp-course';

/** `npm run check`'s browser pass on a deck with one problem per slide: each is found at its slide's line. */
const DECK = `---
title: Problems
---

# Fine

Readable text.

---

## Overflow

${Array.from({ length: 14 }, (_, i) => `- item ${i}`).join('\n')}

---

## Tiny

<p style="font-size: 9px">fine print nobody can read</p>

---

## Broken image and missing alt

<img src="../assets/not-an-image.png">

---

## Bad anchors

[nowhere here](#/slide-99) and [nowhere there](../problems/#/slide-42) and [ok](#/slide-1)

---

## Broken diagram

\`\`\`mermaid
flowchart LR
  a --> b -->> ]]
\`\`\`

---

## Wide formula

$$
${Array.from({ length: 40 }, (_, i) => `x_{${i}}`).join(' + ')}
$$
`;

test('finds overflow, tiny text, a broken image, missing anchors and a broken diagram at their lines', async () => {
  test.setTimeout(180_000);
  const root = mkdtempSync(join(tmpdir(), 'lectern-check-'));
  try {
    // A course folder of its own: slides/ and assets/ only; Lectern (this checkout) builds it from outside.
    mkdirSync(join(root, 'slides'));
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'assets', 'not-an-image.png'), 'this is text');
    writeFileSync(join(root, 'slides', 'problems.md'), DECK);
    const report = await checkVisual({ root });
    const found = report.diagnostics.map((d) => `${d.file}:${d.line}: ${d.severity}: ${d.message}`);
    const expected = [
      // A slide's line is the first line after its `---`.
      /^slides\/problems\.md:10: error: slide 2: content overflows the slide by \d+ px at the bottom: <li> "item 13"/,
      /^slides\/problems\.md:29: warning: slide 3: text too small to read: 8\.\d px .*fine print/,
      /^slides\/problems\.md:35: error: slide 4: image `[^`]*` failed to load/,
      /^slides\/problems\.md:35: warning: slide 4: image `[^`]*` has no alt text/,
      /^slides\/problems\.md:41: error: slide 5: link to `#\/slide-99`: no such slide/,
      /^slides\/problems\.md:41: error: slide 5: link to `..\/problems\/#\/slide-42`: no such slide/,
      /^slides\/problems\.md:50: error: slide 6: diagram failed to draw: Parse error/,
      /^slides\/problems\.md:56: error: slide 7: content overflows the slide by \d+ px on the right: <span> "x0/,
    ];
    for (const re of expected) expect(found, String(re)).toContainEqual(expect.stringMatching(re));
    expect(found).toHaveLength(expected.length);
    expect(report.decks).toEqual([expect.objectContaining({ slug: 'problems', slides: 7 })]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

const LECTERN = join(process.cwd(), 'bin', 'lectern.mjs');

test("`npm run check` prints each problem once, and `-- <slug>` only that deck's", async () => {
  test.setTimeout(180_000);
  const warned = (what: string) => `---\ntitle: ${what}\n---\n\n# ${what}\n\n![](../assets/${what}.png)\n`;
  const course = tempCourse({ 'slides/one.md': warned('one'), 'slides/two.md': warned('two') });
  const run = async (...args: string[]) => {
    const { stdout, stderr } = await promisify(execFile)('node', [LECTERN, 'check', '--no-browser', ...args], {
      cwd: course.root,
    }).catch((e: { stdout: string; stderr: string }) => e);
    return `${stdout}${stderr}`;
  };
  try {
    // With the browser pass, the site is built first: the build's own report must not repeat the list.
    const all = await promisify(execFile)('node', [LECTERN, 'check'], { cwd: course.root })
      .catch((e: { stdout: string; stderr: string }) => e)
      .then((r) => `${r.stdout}${r.stderr}`);
    for (const deck of ['one', 'two']) expect(all.split(`slides/${deck}.md:7: error: image`).length - 1, all).toBe(1);
    const one = await run('one');
    expect(one).toContain('slides/one.md:7: error: image');
    expect(one).not.toContain('slides/two.md');
    expect(one).toMatch(/1 deck, 1 slide: 1 error, 1 warning/);
  } finally {
    course.done();
  }
});
