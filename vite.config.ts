import { defineConfig } from 'vite';
import { katexWoff2Only, prebuiltMermaid } from './src/vite/build-plugins';
import { lectern } from './src/vite/plugin';

export default defineConfig({
  plugins: [lectern(), prebuiltMermaid(), katexWoff2Only()],
});
