/**
 * Lighthouse (the project's dev dependency, v12) on the demo page as a site would serve it: a
 * production Vite build of demo/ (minified, the widgets bundled with the demo's own script), not
 * the dev server of `npm start`. Mobile (Lighthouse's default: Moto G Power emulation, simulated
 * slow 4G and 4× CPU) and the desktop preset; the median of three mobile runs.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { CHROMIUM_ARGS, findChrome } from '../scripts/find-browser.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const FLAGS = CHROMIUM_ARGS.join(' ');

async function lighthouse(url, preset, outDir, run) {
  const output = join(outDir, `${preset}-${run}.json`);
  // Asynchronously: the page is served by this very process.
  await promisify(execFile)(
    join(root, 'node_modules/.bin/lighthouse'),
    [url, '--only-categories=performance,accessibility', '--output=json', `--output-path=${output}`, `--chrome-flags=${FLAGS}`, '--quiet', ...(preset == 'desktop' ? ['--preset=desktop'] : [])],
    { env: { ...process.env, CHROME_PATH: findChrome() } },
  );
  const report = JSON.parse(readFileSync(output, 'utf8'));
  const audit = (id) => report.audits[id]?.numericValue;
  return {
    performance: Math.round(report.categories.performance.score * 100),
    accessibility: Math.round(report.categories.accessibility.score * 100),
    fcp: audit('first-contentful-paint'),
    lcp: audit('largest-contentful-paint'),
    tbt: audit('total-blocking-time'),
    cls: audit('cumulative-layout-shift'),
    failing: Object.values(report.audits)
      .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode != 'informative' && a.scoreDisplayMode != 'manual' && a.scoreDisplayMode != 'notApplicable')
      .map((a) => a.id),
  };
}

/** Builds the demo, serves it from `server` at /demo/, and returns the table's lines. */
export async function runLighthouse(server, { mobileRuns = 3 } = {}) {
  const outDir = mkdtempSync(join(tmpdir(), 'ik-lighthouse-'));
  try {
    await build({ configFile: join(root, 'vite.config.ts'), root: join(root, 'demo'), base: '/demo/', logLevel: 'silent', build: { lib: false, outDir: join(outDir, 'demo'), emptyOutDir: true } });
    server.files.demoDir = join(outDir, 'demo');
    const url = `${server.origin}/demo/`;
    const runs = [];
    for (let run = 0; run < mobileRuns; run++) runs.push({ preset: 'mobile', ...(await lighthouse(url, 'mobile', outDir, run)) });
    runs.sort((a, b) => a.performance - b.performance);
    const mobile = runs[runs.length >> 1];
    const desktop = { preset: 'desktop', ...(await lighthouse(url, 'desktop', outDir, 0)) };
    const row = (r, label) => `| ${label} | ${r.performance} | ${r.accessibility} | ${r.fcp.toFixed(0)} | ${r.lcp.toFixed(0)} | ${r.tbt.toFixed(0)} | ${r.cls.toFixed(3)} | ${r.failing.join(', ') || '—'} |`;
    return [
      '| run | performance | accessibility | FCP, ms | LCP, ms | TBT, ms | CLS | audits not passed |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
      row(mobile, `mobile, median of ${mobileRuns} (all: ${runs.map((r) => r.performance).join(', ')})`),
      row(desktop, 'desktop preset'),
    ];
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
