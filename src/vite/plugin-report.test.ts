import { build, createLogger, createServer, type Logger, resolveConfig } from 'vite';
import { afterEach, describe, expect, it } from 'vitest';
import { tempCourse } from '../../e2e/temp-course.js';
import { courseConfig } from './config.js';

/** The terminal of `npm run build` and `npm run dev`: every mistake in a deck is printed there, Mermaid's too. */

const DECK = '---\ntitle: T\n---\n# One\n\n---\n\n## Loop\n\n```mermaid src="loop.mmd" caption="Loop"\n```\n';
const MMD = '%% The loop\n%% left to right\nflowchart LR\n  a --> b\n  b -->> ]]\n';

function capture(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const logger = createLogger('info', { allowClearScreen: false });
  for (const level of ['info', 'warn', 'error'] as const) logger[level] = (msg: string) => void lines.push(msg);
  logger.warnOnce = (msg: string) => void lines.push(msg);
  return { logger, lines };
}

let done = () => {};
afterEach(() => done());

describe('the terminal', () => {
  it('npm run build prints a Mermaid syntax error with its .mmd line and excerpt', async () => {
    const course = tempCourse({ 'slides/deck.md': DECK, 'assets/loop.mmd': MMD });
    done = course.done;
    const { logger, lines } = capture();
    await build({ ...courseConfig(course.root), customLogger: logger, logLevel: 'info' });
    const text = lines.join('\n');
    expect(text).toMatch(/slides\/deck\.md:10: error: mermaid: Parse error \(assets\/loop\.mmd:5\)/);
    expect(text).toMatch(/b -->> \]\]\n\s+-+\^/);
  }, 120_000);

  it('npm run dev prints it when the deck is opened', async () => {
    const course = tempCourse({ 'slides/deck.md': DECK, 'assets/loop.mmd': MMD });
    const { logger, lines } = capture();
    const server = await createServer({
      ...courseConfig(course.root),
      customLogger: logger,
      server: { port: 0, host: '127.0.0.1' },
    });
    done = () => {
      void server.close();
      course.done();
    };
    await server.listen();
    const address = server.httpServer?.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    expect((await fetch(`http://127.0.0.1:${port}/deck/`)).status).toBe(200);
    await expect
      .poll(() => lines.join('\n'), { timeout: 30_000 })
      .toMatch(/slides\/deck\.md:10: error: mermaid: Parse error \(assets\/loop\.mmd:5\)/);
  }, 150_000);
});

describe('npm start (vite --open)', () => {
  it('opens the only deck of a course, or the deck list when there are several', async () => {
    for (const [files, path] of [
      [{ 'slides/gradient-descent.md': '# GD' }, '/gradient-descent/'],
      [{ 'slides/a.md': '# A', 'slides/b.md': '# B' }, '/'],
    ] as const) {
      const course = tempCourse(files);
      done = course.done;
      const config = await resolveConfig({ ...courseConfig(course.root), server: { open: true } }, 'serve');
      expect(config.server.open).toBe(path);
      course.done();
    }
  }, 60_000);
});
