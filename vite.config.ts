import { defineConfig } from 'vite';
import { katexWoff2Only, prebuiltMermaid } from './src/vite/build-plugins.js';
import { lectern } from './src/vite/plugin.js';

export default defineConfig({
  plugins: [lectern(), prebuiltMermaid(), katexWoff2Only()],
});
