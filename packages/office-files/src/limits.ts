/**
 * The bounds every importer enforces before it reads a file, against files
 * made to exhaust memory: the size of the file, and for zips the number of
 * entries and their total size once unpacked, read from the zip's central
 * directory before anything is inflated. Inflation never writes beyond an
 * entry's declared size, so an entry that lies about its size cannot grow
 * past the bound either.
 */
export interface FileLimits {
  /** The largest file accepted, in bytes. */
  readonly maxFileBytes: number;
  /** The most entries a zip may list. */
  readonly maxEntries: number;
  /** The most bytes the entries that are read may unpack to, together. */
  readonly maxUnpackedBytes: number;
  /** The most elements an XML part may hold. */
  readonly maxXmlElements: number;
  /** The deepest nesting of XML elements accepted. */
  readonly maxXmlDepth: number;
}

/**
 * The default {@link FileLimits}: 50 MiB files, 5,000 zip entries,
 * 200 MiB unpacked, 2 million XML elements nested at most 256 deep. A long
 * report with pictures stays far below these.
 */
export const DEFAULT_FILE_LIMITS: FileLimits = {
  maxFileBytes: 50 * 1024 * 1024,
  maxEntries: 5000,
  maxUnpackedBytes: 200 * 1024 * 1024,
  maxXmlElements: 2_000_000,
  maxXmlDepth: 256,
};

/** Options every importer takes. */
export interface ImportOptions {
  /** Tighter or looser bounds than {@link DEFAULT_FILE_LIMITS}. */
  readonly limits?: Partial<FileLimits>;
}

/** The limits in effect for `options`. */
export function limitsOf(options: ImportOptions | undefined): FileLimits {
  return { ...DEFAULT_FILE_LIMITS, ...(options?.limits ?? {}) };
}
