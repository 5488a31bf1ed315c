import type { Deck, Diagnostic } from '../model/types.js';
import { checkDiagrams } from '../project/mermaid-check.js';
import { formatDiagnostic } from '../project/store.js';
import { glyphDiagnostics } from './fonts.js';

/**
 * A deck's problems in the terminal, each printed once however often the deck is compiled: the compile's own,
 * and two checks that run in the background — Mermaid's parser (a broken diagram is named here as
 * `npm run check` names it; Mermaid itself draws in the browser) and characters no bundled font has.
 */
export interface DeckReporter {
  report(deck: Deck, log: (msg: string) => void): void;
  /** Waits for the background checks under way (the build does before it ends). */
  settle(): Promise<void>;
}

/** `cacheDir` and `text` are asked for when a deck is reported (the plugin's config is resolved by then). */
export function deckReporter(cacheDir: () => string, text: (file: string) => string): DeckReporter {
  const printed = new Set<string>();
  const checks: Promise<void>[] = [];
  return {
    report(deck, log) {
      const print = (ds: Diagnostic[]) => {
        for (const d of ds) {
          const line = formatDiagnostic(d);
          if (!printed.has(line)) log(line);
          printed.add(line);
        }
      };
      print(deck.diagnostics);
      if (deck.diagrams.length)
        checks.push(
          checkDiagrams(deck, cacheDir()).then(print, (err: unknown) =>
            log(`${deck.file}: the Mermaid syntax check failed: ${String(err)}`),
          ),
        );
      checks.push(glyphDiagnostics(deck.file, text(deck.file)).then(print));
    },
    async settle() {
      await Promise.all(checks.splice(0));
    },
  };
}
