#!/usr/bin/env node
/**
 * The languages as data, from the one list in src/contract/languages.ts.
 *
 * `node scripts/locale-data.mjs config` (before `lit-localize`, in `npm run localize` and `npm run build`):
 * writes lit-localize.json's `targetLocales` from the contract, so that a new language is one entry there
 * plus its XLIFF file, and no second list can fall behind.
 *
 * `node scripts/locale-data.mjs data` (after `lit-localize build`): turns each language that is not bundled
 * (src/generated/locales/<lang>.ts) into JSON (src/generated/locales/<lang>.json, and dist/locales/<lang>.json
 * when dist/ exists), and writes their SHA-384 into src/generated/locale-integrity.ts, which the bundle carries:
 * the widgets fetch the JSON with `fetch(url, {integrity})`, so a page's SRI on the script covers the strings too.
 * The JSON is data, never code: each entry is a string, or `{strings, values}` for a message with values.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

/** Bundles one TypeScript module for Node and imports it. */
async function importTs(file) {
  const { outputFiles } = await build({
    entryPoints: [file],
    bundle: true,
    format: 'esm',
    platform: 'node',
    write: false,
    logLevel: 'warning',
  });
  return import(`data:text/javascript;base64,${Buffer.from(outputFiles[0].text).toString('base64')}`);
}

const { LANGUAGES, SOURCE_LANGUAGE } = await importTs('src/contract/languages.ts');
const mode = process.argv[2];

if (mode == 'config') {
  const config = JSON.parse(readFileSync('lit-localize.json', 'utf8'));
  const targets = Object.keys(LANGUAGES).filter((code) => code != SOURCE_LANGUAGE);
  if (config.sourceLocale != SOURCE_LANGUAGE) throw new Error(`lit-localize.json: sourceLocale must be ${SOURCE_LANGUAGE}, the contract's`);
  if (JSON.stringify(config.targetLocales) != JSON.stringify(targets)) {
    config.targetLocales = targets;
    writeFileSync('lit-localize.json', JSON.stringify(config, null, 2) + '\n');
    console.log(`lit-localize.json: targetLocales ${targets.join(', ')} (from src/contract/languages.ts)`);
  }
} else if (mode == 'data') {
  const integrity = {};
  for (const [code, info] of Object.entries(LANGUAGES)) {
    if (info.bundled) continue;
    const { templates } = await importTs(`src/generated/locales/${code}.ts`);
    // lit-localize fills a message the XLIFF file does not translate with the Swedish source: leave it out, as the
    // widgets fall back to the source anyway (Finnish has no `two`, `few` … plural forms to fetch).
    const translated = new Set(
      [...readFileSync(`locales/${code}.xlf`, 'utf8').matchAll(/<trans-unit id="([^"]+)">(?:(?!<\/trans-unit>)[\s\S])*<target/g)].map(
        (m) => m[1],
      ),
    );
    // A `str` template becomes {strings, values}: what src/shared/translate.ts reads, without @lit/localize's marker.
    const data = Object.fromEntries(
      Object.entries(templates)
        .filter(([id]) => translated.has(id))
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([id, template]) => [id, typeof template == 'string' ? template : { strings: template.strings, values: template.values }]),
    );
    const json = JSON.stringify(data);
    writeFileSync(`src/generated/locales/${code}.json`, json);
    if (existsSync('dist')) {
      mkdirSync('dist/locales', { recursive: true });
      writeFileSync(`dist/locales/${code}.json`, json);
    }
    integrity[code] = `sha384-${createHash('sha384').update(json).digest('base64')}`;
  }
  writeFileSync(
    'src/generated/locale-integrity.ts',
    `// Do not modify this file by hand! Written by scripts/locale-data.mjs from the generated locales.\n\n` +
      `/** SHA-384 of each loaded language's JSON (dist/locales/<lang>.json), for fetch's integrity check. */\n` +
      `export const localeIntegrity: Record<string, string> = ${JSON.stringify(integrity, null, 2)};\n`,
  );
  console.log(
    `Language files: ${Object.keys(integrity).join(', ') || 'none'} (src/generated/locales/*.json, integrity in src/generated/locale-integrity.ts)`,
  );
} else throw new Error('usage: node scripts/locale-data.mjs config|data');
