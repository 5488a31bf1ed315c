import { defineConfig } from 'vite';
import { lectern } from './src/vite/plugin';

export default defineConfig({
  plugins: [lectern()],
});
