import { defineConfig } from 'vite';
import { katexWoff2Only, prebuiltMermaid } from './src/vite/build-plugins';
import { lectern } from './src/vite/plugin';

export default defineConfig({
  plugins: [lectern(), prebuiltMermaid(), katexWoff2Only()],
  // LECTERN_OUT_DIR lets a second checkout or a test run build and serve elsewhere than dist/.
  build: { outDir: process.env.LECTERN_OUT_DIR ?? 'dist' },
});
