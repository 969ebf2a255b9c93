// `npm test`: the whole suite on a fresh checkout — bootstrap, build, the READMEs' API sections against
// the built custom-elements manifests, lint (types, ESLint, one version of Yjs/ProseMirror, no import
// cycles), unit tests, then end-to-end tests in Chromium.
import { existsSync, readdirSync, realpathSync } from 'node:fs';
import { dirname } from 'node:path';
import { bootstrap, pnpmRun } from './bootstrap.mjs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.error(`[test] Chromium was not found at ${chromium}.
  The end-to-end tests drive the system Chromium; Playwright cannot download one here.
  Install the Debian/Ubuntu package "chromium":   sudo apt-get install -y chromium
  or set CHROMIUM_PATH to another Chromium or Chrome binary.`);
  process.exit(1);
}

const onPath = (name) => (process.env.PATH ?? '').split(':').some((dir) => dir !== '' && existsSync(`${dir}/${name}`));

// The relay's storage and scale-out tests start real PostgreSQL and Redis servers on 127.0.0.1.
const postgresBin = existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql').some((version) => existsSync(`/usr/lib/postgresql/${version}/bin/postgres`)) : false;
const redisServer = onPath('redis-server');
if (!postgresBin || !redisServer) {
  console.error(`[test] ${[!postgresBin && 'PostgreSQL (/usr/lib/postgresql/*/bin/postgres)', !redisServer && 'redis-server'].filter(Boolean).join(' and ')} not found.
  The relay's storage and scale-out tests start their own servers on 127.0.0.1.
  Install the Debian/Ubuntu packages:   sudo apt-get install -y postgresql redis-server`);
  process.exit(1);
}

// The file tests convert exported ODT, DOCX, ODS and XLSX files with LibreOffice, as users would open
// them: soffice with its Writer and Calc components (libswlo, libsclo next to the real binary).
const soffice = (process.env.PATH ?? '').split(':').map((dir) => `${dir}/soffice`).find((path) => path !== '/soffice' && existsSync(path));
const program = soffice ? dirname(realpathSync(soffice)) : '';
const missingOffice = [
  !existsSync(`${program}/libswlo.so`) && 'libreoffice-writer-nogui',
  !existsSync(`${program}/libsclo.so`) && 'libreoffice-calc-nogui',
].filter(Boolean);
if (missingOffice.length > 0) {
  console.error(`[test] LibreOffice ${soffice ? 'Writer or Calc' : '(soffice)'} not found.
  The file tests check exported ODT, DOCX, ODS and XLSX files with LibreOffice headless.
  Install the Debian/Ubuntu packages:   sudo apt-get install -y ${missingOffice.join(' ')}`);
  process.exit(1);
}

const started = Date.now();
const env = bootstrap();
const steps = [['build'], ['docs:check'], ['lint'], ['test:unit'], ['test:e2e']];
for (const [script] of steps) {
  const t = Date.now();
  pnpmRun(env, script);
  console.log(`[test] ${script} took ${((Date.now() - t) / 1000).toFixed(0)} s`);
}
console.log(`[test] all steps passed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
