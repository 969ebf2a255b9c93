// Makes a fresh checkout runnable: pnpm at the pinned version, then the workspace's
// dependencies. Used by `npm start` and `npm test`, so a newcomer needs only Node 20.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const wanted = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).packageManager.split('@')[1];

function pnpmVersion() {
  const r = spawnSync('pnpm', ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

const found = pnpmVersion();
if (found !== wanted) {
  console.log(`[bootstrap] pnpm ${wanted} is needed (found ${found ?? 'none'}); installing it with npm`);
  const r = spawnSync('npm', ['install', '--global', `pnpm@${wanted}`], { stdio: 'inherit' });
  if (r.status !== 0 || pnpmVersion() !== wanted) {
    console.error(`[bootstrap] could not install pnpm ${wanted}. Run: npm install --global pnpm@${wanted}`);
    process.exit(1);
  }
}

// Native addons (better-sqlite3) build against the local Node headers: node-gyp cannot download them offline.
const env = { ...process.env };
if (!env.npm_config_nodedir && existsSync('/usr/include/node/node.h')) env.npm_config_nodedir = '/usr';

const marker = join(root, 'node_modules', '.modules.yaml');
const lock = join(root, 'pnpm-lock.yaml');
const stale = !existsSync(marker) || (existsSync(lock) && statSync(lock).mtimeMs > statSync(marker).mtimeMs)
  || !existsSync(join(root, 'packages/relay/node_modules/better-sqlite3'));
if (stale) {
  console.log('[bootstrap] installing dependencies with pnpm');
  const args = ['install', ...(process.env.CI ? ['--frozen-lockfile'] : [])];
  execFileSync('pnpm', args, { cwd: root, stdio: 'inherit', env });
}
