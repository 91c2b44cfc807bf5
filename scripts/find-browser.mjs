#!/usr/bin/env node
/**
 * Finds a Chromium for the tests: $CHROME_PATH, then the usual paths. On a
 * fresh Debian machine, run as root, it installs Debian's `chromium`;
 * otherwise it stops with one line saying what to do. Prints the path found.
 */
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/**
 * How every test and benchmark starts headless Chromium here: without the sandbox (we run as root in CI) and
 * without the background traffic that a closed network would refuse.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function findChrome() {
  if (process.env.CHROME_PATH) return existsSync(process.env.CHROME_PATH) ? process.env.CHROME_PATH : undefined;
  return CANDIDATES.find((path) => existsSync(path));
}

export function findFirefox() {
  const path = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
  return existsSync(path) ? path : undefined;
}

function canInstall() {
  try {
    execSync('command -v apt-get', { stdio: 'ignore' });
    return process.getuid?.() === 0;
  } catch {
    return false;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  let chrome = findChrome();
  if (!chrome && !process.env.CHROME_PATH && canInstall()) {
    console.error("No Chromium found: installing Debian's chromium (apt-get install -y chromium) …");
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' });
    chrome = findChrome();
  }
  if (!chrome) {
    console.error(
      process.env.CHROME_PATH
        ? `CHROME_PATH=${process.env.CHROME_PATH} does not exist: point it at a Chromium or Chrome binary.`
        : 'No Chromium found: install one (sudo apt-get install chromium) or set CHROME_PATH=/path/to/chrome.',
    );
    process.exit(1);
  }
  console.log(`Testing in ${chrome}${findFirefox() ? ` and ${findFirefox()}` : ' (Firefox ESR not found: Chromium only)'}`);
}
