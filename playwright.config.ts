import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findBrowser } from './src/export/browser';

const PORT = Number(process.env.LECTERN_E2E_PORT ?? 4173); // see E2E_PORT in e2e/fixtures.ts

/** E2E runs against the built site (`dist/`), served by `vite preview` on loopback, in real Chromium. */
export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    viewport: { width: 1280, height: 720 },
    // The site's service worker (offline reading) is tested in offline-reading.spec.ts, with profiles of its
    // own; elsewhere each fresh context would precache the course in the background of every test.
    serviceWorkers: 'block',
    launchOptions: { executablePath: findBrowser()?.path, args: CHROMIUM_ARGS },
  },
  webServer: {
    command: `npx vite preview --port ${PORT} --strictPort --host 127.0.0.1`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
