import { defineConfig } from 'vite';
import { lectern } from './src/vite/plugin';

export default defineConfig({
  plugins: [lectern()],
  // LECTERN_OUT_DIR lets a second checkout or a test run build and serve elsewhere than dist/.
  build: { outDir: process.env.LECTERN_OUT_DIR ?? 'dist' },
});
