#!/usr/bin/env node
/**
 * `npm run bench`: what the widgets cost a host page, against the floor of the same content
 * written as plain static HTML, side by side in one run.
 *
 * Headless Debian Chromium and Firefox ESR (puppeteer-core: CDP and WebDriver BiDi) load pages
 * from a local server on 127.0.0.1 (bench/server.mjs). Each case has a widget page and its static
 * twin (bench/pages.mjs), loaded alternately (W S S W W S …, so drift hits both alike), each load
 * in a fresh tab. Chromium runs every case unthrottled and with DevTools CPU throttling ×4;
 * Firefox, which has no CDP (so no throttling, no tracing, no task metrics), runs the page cases
 * (seed, seed from `data-config-src`, 300 widgets) unthrottled, timed by the page's own probe
 * (bench/probe.js) as in Chromium. It prints medians and the widget/static ratio, and writes the
 * tables as markdown to `$BENCH_OUT` (default: industrikommun-bench.md in the temp folder), from
 * which BENCHMARKS.md quotes them. About 8 minutes on a 2-core machine; it stops by itself, with an
 * error, after `--timeout` minutes (default 45).
 *
 *   node bench/run.mjs [--runs 7] [--browser chromium|firefox|both] [--only bytes,seed,large,contacts,late,memory,lighthouse]
 *                          [--no-lighthouse] [--no-bytes] [--timeout 45] [--compare <build folder> [--compare-label before]]
 *
 * `--compare` loads a second build's widget pages in the same alternation as the build under test
 * and the twin (W S C C S W …) in the page cases (seed, seed from `data-config-src`, 300 widgets),
 * one more row each: a before/after on a busy machine, where two separate runs minutes apart
 * are not comparable. The twin is extracted from the build under test.
 *
 * `--browser both` is the default when Firefox ESR is installed (/usr/bin/firefox-esr or
 * `$FIREFOX_PATH`); the Chromium-only cases (script trace, 1,000 cards, late upgrade, memory,
 * Lighthouse) are skipped with `--browser firefox`.
 *
 * `$BENCH_DIST` (default `dist/`) is the build under test: `npm run build` first, or
 * `npx vite build --outDir /tmp/bench-dist && BENCH_DIST=/tmp/bench-dist npm run bench`.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { measureBytes } from './bytes.mjs';
import { languageSwitch, lateUpgrade, memory } from './cases-chromium.mjs';
import { comparePages, scriptCost } from './cases.mjs';
import { runLighthouse } from './lighthouse.mjs';
import { VIEWPORT, args, browserNames, hasChromium, log, section, sections, wanted } from './options.mjs';
import { distDir } from './server.mjs';
import { browserVersions, browsers, server, useBrowser } from './session.mjs';
import './routes.mjs';

const started = Date.now();

if (wanted('bytes') && !args.includes('--no-bytes')) {
  log('bytes …');
  section('Bytes', await measureBytes());
}
/** The cases that need DevTools (trace, CPU throttling, heap, Lighthouse) run in Chromium only. */
const chromiumOnly = async (name, run) => {
  if (!hasChromium) return log(`${name}: Chromium only, skipped`);
  useBrowser('chromium');
  await run();
};
if (wanted('seed')) {
  await comparePages('1. Seed page: the three seed widgets', '/page/seed', '/page/seed-static');
  await chromiumOnly('script cost', scriptCost);
  await comparePages('1b. Seed page with data-config-src (as the demo)', '/page/seed-src', '/page/seed-static');
}
if (wanted('script') && !wanted('seed')) await chromiumOnly('script cost', scriptCost);
if (wanted('large')) await comparePages('2. 300 widgets (100 of each)', '/page/large', '/page/large-static');
if (wanted('contacts')) await chromiumOnly('1,000 cards', languageSwitch);
if (wanted('late')) await chromiumOnly('late upgrade', lateUpgrade);
if (wanted('memory')) await chromiumOnly('memory', memory);
for (const name of browserNames) await browsers[name].close();
if (hasChromium && wanted('lighthouse') && !args.includes('--no-lighthouse')) {
  log('lighthouse …');
  section('Lighthouse (demo page, production build)', await runLighthouse(server));
}
await server.close();

const machine = `${os.cpus()[0].model}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB; ${os.type()} ${os.release()}; Node ${process.version}`;
const header = `Run ${new Date().toISOString()} in ${((Date.now() - started) / 1000).toFixed(0)} s. ${browserVersions.join(' and ')} (headless), viewport ${VIEWPORT.width}×${VIEWPORT.height}. ${machine}. Load average at the end: ${os
  .loadavg()
  .map((load) => load.toFixed(2))
  .join(', ')}. Bundle: ${distDir}.`;
const output = process.env.BENCH_OUT ?? join(os.tmpdir(), 'industrikommun-bench.md');
writeFileSync(output, `${header}\n\n${sections.join('\n')}`);
console.log(`\n${header}\nThe tables as markdown: ${output}`);
