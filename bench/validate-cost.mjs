#!/usr/bin/env node
/**
 * What validating a configuration costs, in CPU time (so that a busy machine's waits for a core do
 * not count): `validateConfig` with the seed configuration as `data-config`, as each element runs it
 * on every update since the LitElement port (a language switch of 1,000 cards runs it 1,000 times).
 * Bundles src/shared/config.ts and the element specs with esbuild into the temp folder, in Node.
 *
 *   node bench/validate-cost.mjs
 */
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outfile = join(tmpdir(), `ik-validate-cost-${process.pid}.mjs`);
await build({
  stdin: {
    contents: `export { validateConfig } from './src/shared/config.ts';
export { contactSpec } from './src/contact-card/contact-card.config.ts';
export { manifestoSpec } from './src/manifesto-card/manifesto-card.config.ts';`,
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  format: 'esm',
  platform: 'node',
  logLevel: 'warning',
  outfile,
});
const { validateConfig, contactSpec, manifestoSpec } = await import(outfile);
rmSync(outfile);

const seed = (name) => readFileSync(join(root, 'fixtures/seed', `${name}.json`), 'utf8');
const noAttributes = { name: undefined, personRole: undefined, phone: undefined, email: undefined };
/** The sources as WidgetController hands them over: only `data-config` given. */
const validate = (spec, json) =>
  validateConfig(
    spec,
    [
      { name: 'data-config-src', value: undefined },
      { name: '<script type="application/json">', value: undefined, json: true },
      { name: 'data-config', value: json, json: true },
      { name: 'attributes', value: spec.fromAttributes?.(noAttributes) },
      { name: 'config', value: undefined },
    ],
    undefined,
    null,
  );

for (const [name, spec, json] of [
  ['ik-contact-card', contactSpec, seed('contact')],
  ['ik-manifesto-card', manifestoSpec, seed('manifesto')],
]) {
  for (let i = 0; i < 2000; i++) validate(spec, json);
  const rounds = [];
  for (let round = 0; round < 9; round++) {
    const start = process.cpuUsage();
    for (let i = 0; i < 1000; i++) validate(spec, json);
    const used = process.cpuUsage(start);
    rounds.push((used.user + used.system) / 1000);
  }
  rounds.sort((a, b) => a - b);
  console.log(
    `${name}: 1,000 validations of the seed data-config (${json.length} characters): ${rounds[4].toFixed(1)} ms CPU (median of 9; ${rounds[0].toFixed(1)}–${rounds[8].toFixed(1)})`,
  );
}
