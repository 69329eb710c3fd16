/** Where the local server keeps its state: `./.data/` at the repository root (kept across restarts). */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';

export function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) return process.cwd();
    dir = up;
  }
  return dir;
}

export function dataDir(): string {
  const dir = process.env.DATA_DIR || join(repoRoot(), '.data');
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** The secret that signs local tokens; made on first use, never used when deployed. */
export function localSecret(): string {
  if (process.env.LOCAL_JWT_SECRET) return process.env.LOCAL_JWT_SECRET;
  const file = join(dataDir(), 'local-jwt-secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}
