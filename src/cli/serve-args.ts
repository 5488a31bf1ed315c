import { parseArgs } from 'node:util';

/** `--port N` and `--open` of `lectern dev` and `lectern preview`; undefined after printing why not. */
export function serveOptions(usage: string): { port?: number; open: boolean } | undefined {
  let values: { port?: string; open?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: { port: { type: 'string' }, open: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (err) {
    console.error(`${err instanceof Error ? err.message : String(err)}\n\n${usage}`);
    process.exitCode = 2;
    return undefined;
  }
  if (values.help) {
    console.log(usage);
    return undefined;
  }
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) {
    console.error(`--port wants a port number, got ${values.port}`);
    process.exitCode = 2;
    return undefined;
  }
  return { ...(port !== undefined ? { port } : {}), open: values.open ?? false };
}
