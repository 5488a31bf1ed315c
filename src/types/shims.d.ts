declare module 'markdown-it-cjk-breaks' {
  import type { PluginSimple } from 'markdown-it';

  const plugin: PluginSimple;
  export default plugin;
}

declare module 'subset-font' {
  export default function subsetFont(
    font: Uint8Array,
    text: string,
    options?: { targetFormat?: 'woff2' | 'woff' | 'truetype' | 'sfnt' },
  ): Promise<Uint8Array>;
}

declare module 'markdown-it-div' {
  import type { PluginWithOptions } from 'markdown-it';

  const plugin: PluginWithOptions<{ validate?: (params: string) => boolean }>;
  export default plugin;
}

declare module 'markdown-it-bracketed-spans' {
  import type { PluginSimple } from 'markdown-it';

  const plugin: PluginSimple;
  export default plugin;
}

declare module 'wawoff2' {
  export function decompress(woff2: Uint8Array): Promise<Uint8Array>;
  export function compress(ttf: Uint8Array): Promise<Uint8Array>;
}

declare module 'fontverter' {
  const fontverter: {
    convert(font: Uint8Array, to: 'woff2' | 'woff' | 'truetype' | 'sfnt', from?: string): Promise<Uint8Array>;
    detectFormat(font: Uint8Array): 'woff2' | 'woff' | 'truetype';
  };
  export default fontverter;
}
