import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { courseConfig } from './src/vite/config.js';

/** This checkout is a course too (`npm run dev`, `vite build`): the same configuration `lectern dev` uses. */
export default defineConfig(courseConfig(fileURLToPath(new URL('.', import.meta.url))));
