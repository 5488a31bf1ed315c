/** The lecturer's key: random, kept across restarts of `npm run live` so an open lecturer tab reconnects. */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

const KEY_PATTERN = /^[A-Za-z0-9_-]{32,128}$/;

export const newKey = (): string => randomBytes(24).toString('base64url');

/** The key stored at `file` (created, readable by this user only, when missing or `fresh`). */
export function loadKey(file: string, fresh = false): string {
  if (!fresh && existsSync(file)) {
    const stored = readFileSync(file, 'utf8').trim();
    if (KEY_PATTERN.test(stored)) return stored;
  }
  const key = newKey();
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return key;
}

/** Constant-time comparison (of digests, so lengths do not leak either). */
export function keyMatches(offered: string, key: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(offered), digest(key));
}
