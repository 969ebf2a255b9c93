// `npm start`: bootstrap, build, then run the relay serving the demo app (SQLite in ./data).
import { execFileSync, spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
execFileSync(process.execPath, [join(root, 'scripts/bootstrap.mjs')], { stdio: 'inherit' });
execFileSync('pnpm', ['run', 'build'], { cwd: root, stdio: 'inherit' });

const relay = spawn(process.execPath, [
  join(root, 'packages/relay/dist/cli.js'),
  '--port', process.env.PORT ?? '8080',
  '--host', process.env.HOST ?? '0.0.0.0',
  '--data', resolve(root, process.env.DATA_DIR ?? 'data'),
  '--static', join(root, 'apps/demo/dist'),
], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => relay.kill(signal));
relay.on('exit', (code) => process.exit(code ?? 0));
