// Makes a fresh checkout runnable with nothing but Node: checks the Node version, provides pnpm
// at the pinned version (installed into .cache/pnpm when missing, so no root rights are needed),
// and installs the workspace's dependencies. `npm start` and `npm test` call this first.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const wantedPnpm = manifest.packageManager.split('@')[1];
const localPnpmBin = join(root, '.cache', 'pnpm', 'node_modules', '.bin');

function fail(message) {
  console.error(`[bootstrap] ${message}`);
  process.exit(1);
}

function checkNode() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 19)) {
    fail(`Node ${process.versions.node} is too old: Allmende needs Node 20.19 or newer (see "engines" in package.json).`);
  }
}

function pnpmVersion(env) {
  const r = spawnSync('pnpm', ['--version'], { encoding: 'utf8', env });
  return r.status === 0 ? r.stdout.trim() : null;
}

/**
 * The environment every later step runs in: pnpm at the pinned version on PATH, and native
 * addons (better-sqlite3) built against the local Node headers, since node-gyp cannot download
 * them on an offline machine.
 */
export function bootstrap() {
  checkNode();
  const env = { ...process.env, PATH: `${localPnpmBin}${delimiter}${process.env.PATH ?? ''}` };
  if (!env.npm_config_nodedir && existsSync('/usr/include/node/node.h')) env.npm_config_nodedir = '/usr';

  const found = pnpmVersion(env);
  if (found !== wantedPnpm) {
    console.log(`[bootstrap] pnpm ${wantedPnpm} is needed (found ${found ?? 'none'}); installing it into .cache/pnpm`);
    const r = spawnSync('npm', ['install', '--no-save', '--prefix', join(root, '.cache', 'pnpm'), `pnpm@${wantedPnpm}`],
      { stdio: 'inherit', env });
    if (r.status !== 0 || pnpmVersion(env) !== wantedPnpm) {
      fail(`could not install pnpm ${wantedPnpm}. Install it yourself: npm install --global pnpm@${wantedPnpm}`);
    }
  }

  const marker = join(root, 'node_modules', '.modules.yaml');
  const lock = join(root, 'pnpm-lock.yaml');
  const stale = !existsSync(marker) || statSync(lock).mtimeMs > statSync(marker).mtimeMs;
  if (stale) {
    console.log('[bootstrap] installing dependencies with pnpm');
    execFileSync('pnpm', ['install', ...(process.env.CI ? ['--frozen-lockfile'] : [])], { cwd: root, stdio: 'inherit', env });
  }
  return env;
}

/** Runs a pnpm script with the bootstrapped environment; exits with its status if it fails. */
export function pnpmRun(env, script, args = []) {
  const r = spawnSync('pnpm', ['run', script, ...args], { cwd: root, stdio: 'inherit', env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) bootstrap();
