import { pino } from 'pino';
import type { LogFields, RelayLog } from './relay-log.js';
import type { OpsSettings } from './ops-flags.js';

const severity = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;

/**
 * The CLI's logger on stderr: one JSON object per line through pino (`level`, `time`, `msg`,
 * and `document`, `user` and `code` where they apply), or `<ISO time> <line>` as text.
 * Written synchronously, so the last lines before an exit are not lost.
 */
export function createCliLogger(settings: Pick<OpsSettings, 'logLevel' | 'logFormat'>): RelayLog {
  if (settings.logFormat === 'text') {
    const threshold = severity[settings.logLevel];
    return (line: string, fields?: LogFields) => {
      if (severity[fields?.level ?? 'info'] < threshold) return;
      process.stderr.write(`${new Date().toISOString()} ${line}\n`);
    };
  }
  const logger = pino(
    { level: settings.logLevel, base: { service: 'allmende-relay' }, timestamp: pino.stdTimeFunctions.isoTime },
    pino.destination({ fd: 2, sync: true }),
  );
  return (line: string, fields?: LogFields) => {
    const { level = 'info', ...context } = fields ?? {};
    logger[level](context, line);
  };
}
