#!/usr/bin/env node
/**
 * A/B of two or more builds on the benchmark's heavy pages, in one browser, loads alternating
 * (A B B A …), so that a busy machine weighs on both alike: 1,000 contact cards (load, then
 * sv → en), 300 widgets, the seed page. How BENCHMARKS.md measured a change to src/.
 *
 *   npx vite build --outDir /tmp/a   # before
 *   npx vite build --outDir /tmp/b   # after
 *   node bench/ab.mjs /tmp/a /tmp/b  [RUNS=9] [RATE=4] [KINDS=contacts,large,seed] [BROWSER=firefox]
 *
 * `BROWSER=firefox` (Firefox ESR over WebDriver BiDi) has no CPU throttling and no long-task
 * entries: RATE stays 1 and only the probe's own times are reported. "script + first render" is
 * the probe's `ready − scriptStart` (bench/probe.js).
 */
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, findChrome, findFirefox } from '../scripts/find-browser.mjs';
import { TAGS, hostPage, widget, widgetHead } from './pages.mjs';

const builds = process.argv.slice(2);
if (builds.length < 2) {
  console.error('usage: node bench/ab.mjs <build folder> <build folder> …');
  process.exit(1);
}
const RUNS = Number(process.env.RUNS ?? 9);
const RATE = Number(process.env.RATE ?? 1);
const KINDS = (process.env.KINDS ?? 'contacts,large,seed').split(',');
const probe = readFileSync(new URL('./probe.js', import.meta.url), 'utf8');
const here = new URL('.', import.meta.url).pathname;

const pages = new Map();
builds.forEach((_, index) => {
  const head = widgetHead(`/build/${index}/industrikommun-widgets.js`);
  pages.set(`contacts-${index}`, hostPage({ title: 'A/B', content: Array.from({ length: 1000 }, () => widget('ik-contact-card')).join('\n'), head }));
  pages.set(`large-${index}`, hostPage({ title: 'A/B', content: Array.from({ length: 100 }, () => TAGS.map((tag) => widget(tag)).join('\n')).join('\n'), head }));
  pages.set(`seed-${index}`, hostPage({ title: 'A/B', content: TAGS.map((tag) => widget(tag)).join('\n'), head }));
});

const server = createServer((req, res) => {
  const [, area, name, file] = new URL(req.url, 'http://127.0.0.1').pathname.split('/');
  try {
    if (area == 'build') return answer(res, 'text/javascript', readFileSync(join(builds[Number(name)], basename(file))));
    if (area == 'bench') return answer(res, 'text/css', readFileSync(join(here, basename(name))));
    if (area == 'page' && pages.has(name)) return answer(res, 'text/html; charset=utf-8', pages.get(name));
  } catch {}
  res.writeHead(404).end();
});
const answer = (res, type, body) => res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store' }).end(body);
await new Promise((done) => server.listen(0, '127.0.0.1', done));
const origin = `http://127.0.0.1:${server.address().port}`;

const FIREFOX = process.env.BROWSER == 'firefox';
if (FIREFOX && RATE != 1) throw new Error('Firefox has no CPU throttling: RATE=1 only');
const browser = FIREFOX
  ? await puppeteer.launch({ browser: 'firefox', executablePath: findFirefox(), headless: true })
  : await puppeteer.launch({ executablePath: findChrome(), args: CHROMIUM_ARGS });
// Stops by itself if the machine has become unusable.
setTimeout(() => {
  console.error('ab: still running after 30 minutes; stopping.');
  browser.process()?.kill('SIGKILL');
  process.exit(2);
}, 30 * 60_000).unref();
const results = {};
for (let run = 0; run < RUNS; run++)
  for (const kind of KINDS)
    for (const index of run % 2 ? [...builds.keys()].reverse() : builds.keys()) {
      const page = await browser.newPage();
      await page.setViewport({ width: 1280, height: 800 });
      if (!FIREFOX) await (await page.createCDPSession()).send('Emulation.setCPUThrottlingRate', { rate: RATE });
      await page.evaluateOnNewDocument(probe);
      await page.goto(`${origin}/page/${kind}-${index}`);
      await page.waitForFunction(() => window.__bench?.done, { timeout: 120_000 });
      const measured = await page.evaluate(async (switchLanguage) => {
        const bench = window.__bench;
        await new Promise((resolve) => setTimeout(resolve, 200));
        const load = { 'script + first render': bench.ready - bench.scriptStart, painted: bench.painted };
        if (bench.supports.longtask) load['longest task'] = Math.max(0, ...bench.longTasks.map((task) => task.duration));
        if (!switchLanguage) return load;
        const since = performance.now();
        document.documentElement.lang = 'en';
        await null;
        await Promise.all(bench.widgets().map((element) => element.updateComplete));
        const script = performance.now() - since;
        await bench.nextFrame();
        const painted = performance.now() - since;
        await new Promise((resolve) => setTimeout(resolve, 300));
        const switched = { ...load, 'sv → en script': script, 'sv → en painted': painted };
        if (bench.supports.longtask) switched['sv → en longest task'] = Math.max(0, ...bench.longTasks.filter((task) => task.start + task.duration > since).map((task) => task.duration));
        return switched;
      }, kind == 'contacts');
      for (const [metric, value] of Object.entries(measured)) ((results[`${kind}: ${metric}`] ??= builds.map(() => []))[index]).push(value);
      await page.close();
    }
const version = await browser.version();
await browser.close();
server.close();

const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];
console.log(`${version}, CPU ×${RATE}, median of ${RUNS} loads, ms\n`);
console.log(`| | ${builds.join(' | ')} |\n| --- |${builds.map(() => ' ---: |').join('')}`);
for (const [metric, perBuild] of Object.entries(results)) console.log(`| ${metric} | ${perBuild.map((values) => median(values).toFixed(0)).join(' | ')} |`);
