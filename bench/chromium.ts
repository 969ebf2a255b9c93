// How every bench script starts Debian's Chromium: headless, without a GPU, and with nothing downloaded.

/** The Chromium binary: `CHROMIUM_PATH`, or Debian's. */
export const executablePath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** The launch arguments of all bench scripts, so their figures compare. */
export const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
