import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The LibreOffice binary, from `SOFFICE` or the Debian path. */
export const SOFFICE = process.env['SOFFICE'] ?? '/usr/bin/soffice';

/** Fails with the package to install when LibreOffice is missing (never skips: the CI installs it). */
export function requireSoffice(): void {
  if (!existsSync(SOFFICE)) {
    throw new Error(
      `LibreOffice is not installed (${SOFFICE} is missing). These tests check exported files with a real office suite: ` +
        'install the Debian packages libreoffice-writer-nogui and libreoffice-calc-nogui, or set SOFFICE to the soffice binary.',
    );
  }
}

let profile: string | null = null;

/** Removes the private LibreOffice profile of this test run (call in `afterAll`). */
export function disposeLibreOffice(): void {
  if (profile) rmSync(profile, { recursive: true, force: true });
  profile = null;
}

/** One file for {@link convertManyWithLibreOffice}. */
export interface LibreOfficeInput {
  /** The file name, whose extension tells LibreOffice the format (names must differ in their stem). */
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** Extra options of a conversion. */
export interface ConvertOptions {
  /** LibreOffice's `--infilter` value, such as `HTML (StarWriter)` or a CSV filter with options. */
  readonly infilter?: string;
}

/**
 * Runs one LibreOffice conversion of several files (starting it takes seconds) and returns every file it wrote, by
 * file name. `target` is LibreOffice's `--convert-to` value (`csv`, `xlsx:Calc MS Excel 2007 XML`,
 * `csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1` for every sheet, written as
 * `<stem>-<sheet>.csv`). Every test run uses a private profile of its own, so other runs cannot lock or change it.
 */
export function runLibreOffice(inputs: readonly LibreOfficeInput[], target: string, options: ConvertOptions = {}): Map<string, Uint8Array> {
  requireSoffice();
  profile ??= mkdtempSync(join(tmpdir(), 'allmende-lo-profile-'));
  const dir = mkdtempSync(join(tmpdir(), 'allmende-lo-'));
  try {
    const paths = inputs.map((input) => {
      const path = join(dir, input.name);
      writeFileSync(path, input.bytes);
      return path;
    });
    const out = join(dir, 'out');
    mkdirSync(out);
    const filter = options.infilter ? [`--infilter=${options.infilter}`] : [];
    execFileSync(SOFFICE, [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', ...filter, '--convert-to', target, '--outdir', out, ...paths], {
      stdio: 'pipe',
      timeout: 180_000,
    });
    return new Map(readdirSync(out).map((name) => [name, new Uint8Array(readFileSync(join(out, name)))]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Converts several files with one LibreOffice start and returns the converted bytes by input name; `outputExtension`
 * is the extension of the files it writes. Fails when LibreOffice wrote no file for an input.
 */
export function convertManyWithLibreOffice(
  inputs: readonly LibreOfficeInput[],
  target: string,
  outputExtension: string,
  options: ConvertOptions = {},
): Map<string, Uint8Array> {
  const written = runLibreOffice(inputs, target, options);
  const results = new Map<string, Uint8Array>();
  for (const input of inputs) {
    const output = written.get(input.name.replace(/\.[^.]+$/, `.${outputExtension}`));
    if (!output) throw new Error(`LibreOffice wrote no ${outputExtension} for ${input.name}.`);
    results.set(input.name, output);
  }
  return results;
}

/** Converts one file with LibreOffice headless and returns the converted bytes (see {@link convertManyWithLibreOffice}). */
export function convertWithLibreOffice(bytes: Uint8Array, inputName: string, target: string, outputExtension: string, options: ConvertOptions = {}): Uint8Array {
  const result = convertManyWithLibreOffice([{ name: inputName, bytes }], target, outputExtension, options).get(inputName);
  if (!result) throw new Error(`LibreOffice wrote no ${outputExtension} for ${inputName}.`);
  return result;
}
