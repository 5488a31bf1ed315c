import { type ParseArgsConfig, parseArgs } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * A command's options and positionals, read the same way by every `lectern` command: `-h`/`--help` prints
 * `usage` (undefined: nothing more to do); an unknown or malformed option prints what is wrong and `usage`
 * and sets exit code 2 (undefined too).
 */
export function commandArgs<const O extends Options>(usage: string, options: O) {
  const config = { allowPositionals: true, options: { ...options, help: { type: 'boolean', short: 'h' } } } as const;
  let parsed: ReturnType<typeof parseArgs<typeof config>>;
  try {
    parsed = parseArgs(config);
  } catch (err) {
    console.error(`${err instanceof Error ? err.message : String(err)}\n\n${usage}`);
    process.exitCode = 2;
    return undefined;
  }
  if ((parsed.values as { help?: boolean }).help) {
    console.log(usage);
    return undefined;
  }
  return parsed;
}

/** A whole number in [min, max] from option `name`'s text; undefined (after saying why, exit code 2) when it is not. */
export function wholeNumber(name: string, text: string, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
  const n = Number(text);
  if (text.trim() !== '' && Number.isInteger(n) && n >= min && n <= max) return n;
  console.error(`--${name} wants a whole number from ${min}${max < Number.MAX_SAFE_INTEGER ? ` to ${max}` : ''}, got ${text}`);
  process.exitCode = 2;
  return undefined;
}
