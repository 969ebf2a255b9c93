// `npm start`: bootstrap, build, then run the relay serving the demo app with SQLite in ./data.
// It listens on 127.0.0.1 unless HOST says otherwise: a development relay lets anyone write.
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { bootstrap, pnpmRun, root } from './bootstrap.mjs';

const env = bootstrap();
pnpmRun(env, 'build');

const relay = spawn(process.execPath, [
  join(root, 'packages/relay/dist/cli.js'),
  '--port', process.env.PORT ?? '8080',
  '--host', process.env.HOST ?? '127.0.0.1',
  '--data', resolve(root, process.env.DATA_DIR ?? 'data'),
  '--static', join(root, 'apps/demo/dist'),
  // Readable lines in a terminal; operators get JSON (the default) for their log pipeline.
  '--log-format', 'text',
], { stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => relay.kill(signal));
relay.on('exit', (code) => process.exit(code ?? 0));
