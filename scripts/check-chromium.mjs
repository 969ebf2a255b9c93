// Stops the test run early with a clear instruction when no Chromium is installed:
// Playwright cannot download a browser here, the suite uses the system one.
import { existsSync } from 'node:fs';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(path)) {
  console.error(`[test] Chromium was not found at ${path}.
  The end-to-end tests drive the system Chromium. Install the Debian package "chromium":
      sudo apt-get install -y chromium
  or point CHROMIUM_PATH at another Chromium or Chrome binary.`);
  process.exit(1);
}
