import { commandArgs, wholeNumber } from './args.js';

/** `--port N` and `--open` of `lectern dev` and `lectern preview`; undefined after printing why not (or the usage). */
export function serveOptions(usage: string): { port?: number; open: boolean } | undefined {
  const parsed = commandArgs(usage, { port: { type: 'string' }, open: { type: 'boolean' } });
  if (!parsed) return undefined;
  const { values, positionals } = parsed;
  if (positionals.length) {
    console.error(`unexpected ${positionals.join(' ')}\n\n${usage}`);
    process.exitCode = 2;
    return undefined;
  }
  const port = values.port === undefined ? undefined : wholeNumber('port', values.port, 1, 65535);
  if (values.port !== undefined && port === undefined) return undefined;
  return { ...(port !== undefined ? { port } : {}), open: values.open ?? false };
}
