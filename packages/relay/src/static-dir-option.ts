import { statSync } from 'node:fs';
import { resolve } from 'node:path';

/** What the CLI serves over HTTP, as decided by {@link resolveStaticDirOption}. */
export interface StaticDirChoice {
  /** The absolute directory to serve, or `undefined` to serve no static files. */
  staticDir: string | undefined;
  /** One line for the log that says what is served and, if nothing is, why. */
  message: string;
}

/**
 * Decides which directory the CLI serves from the `--static` / `STATIC_DIR`
 * value: `'none'` serves nothing, any other non-empty value is a directory
 * (resolved against the working directory), and no value (or an empty one)
 * means `demoBuild`, the demo app's build output, if that directory exists.
 */
export function resolveStaticDirOption(value: string | undefined, demoBuild: string): StaticDirChoice {
  if (value === 'none') {
    return { staticDir: undefined, message: 'serving no static files (--static none)' };
  }
  if (value !== undefined && value !== '') {
    const staticDir = resolve(value);
    return isDirectory(staticDir)
      ? { staticDir, message: `serving static files from ${staticDir}` }
      : { staticDir, message: `warning: the static directory ${staticDir} does not exist; static requests get 404` };
  }
  return isDirectory(demoBuild)
    ? { staticDir: demoBuild, message: `serving the demo app from ${demoBuild}` }
    : {
        staticDir: undefined,
        message:
          `serving no static files: the demo app is not built at ${demoBuild} ` +
          '(build it with `pnpm --filter @allmende/demo build`, or pass --static <dir>)',
      };
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
