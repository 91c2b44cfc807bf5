/**
 * The benchmark's options (`--runs`, `--browser`, `--only`, `--compare` …, see bench/run.mjs), the build under
 * test, and the helpers every case uses to sum up and print: medians, number formats, the markdown sections.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { findChrome, findFirefox } from '../scripts/find-browser.mjs';
import { distDir } from './server.mjs';

export const args = process.argv.slice(2);
export const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at < 0 ? fallback : args[at + 1];
};
export const RUNS = Number(option('runs', 7));
const ONLY = option('only', '').split(',').filter(Boolean);
export const wanted = (name) => !ONLY.length || ONLY.includes(name);
export const RATES = [1, 4];
export const BROWSERS = { chromium: 'Chromium', firefox: 'Firefox' };
export const browserNames = (() => {
  const chosen = option('browser', findFirefox() ? 'both' : 'chromium');
  const names = chosen == 'both' ? ['chromium', 'firefox'] : [chosen];
  for (const name of names) {
    if (!(name in BROWSERS)) throw new Error(`--browser ${chosen}: chromium, firefox or both`);
    if (!(name == 'chromium' ? findChrome() : findFirefox())) throw new Error(`--browser ${chosen}: ${BROWSERS[name]} not found`);
  }
  return names;
})();
export const hasChromium = browserNames.includes('chromium');
export const COMPARE = option('compare', '');
export const COMPARE_LABEL = option('compare-label', COMPARE);
if (COMPARE && !existsSync(join(COMPARE, 'industrikommun-widgets.js')))
  throw new Error(`--compare ${COMPARE}: no industrikommun-widgets.js there`);
export const VIEWPORT = { width: 1280, height: 800 };
export const BUNDLE = '/dist/industrikommun-widgets.js';

if (!existsSync(`${distDir}/industrikommun-widgets.js`)) {
  console.error(`No bundle in ${distDir}: run \`npm run build\` first (or set BENCH_DIST).`);
  process.exit(1);
}

export const median = (values) => {
  const sorted = values.filter((value) => value != null).sort((a, b) => a - b);
  if (!sorted.length) return undefined;
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
export const ms = (value) => (value == null ? '—' : value >= 100 ? value.toFixed(0) : value.toFixed(1));
export const ratio = (a, b) => (a == null || !b ? '—' : `${(a / b).toFixed(2)}×`);
export const log = (...parts) => console.error(...parts);

export const sections = [];
export const section = (title, lines) => {
  sections.push(`### ${title}\n\n${lines.join('\n')}\n`);
  console.log(`\n${title}\n${lines.join('\n')}`);
};
export const tableRows = (header, rows) => [
  `| ${header.join(' | ')} |`,
  `| ${header.map(() => '---').join(' | ')} |`,
  ...rows.map((row) => `| ${row.join(' | ')} |`),
];
