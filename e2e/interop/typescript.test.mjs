/**
 * The package as TypeScript and Node see it:
 * - a TypeScript consumer (apps/typescript) that uses the tags, the events' details, the config
 *   types and React 19 and Vue 3 JSX types passes `tsc --strict` (and catches the mistakes marked
 *   `@ts-expect-error`); the React app's own TSX passes it too (its build runs tsc);
 * - `import('industrikommun-widgets')` in plain Node throws nothing and defines nothing;
 * - the custom elements manifest: events with their types, definitions exported, no internals.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { appsDir, packageDir, prepareApps } from './prepare.mjs';

test('tsc --strict: the TypeScript consumer and the React app type-check', async () => {
  const apps = await prepareApps();
  assert.ok(!(apps.typescript instanceof Error), String(apps.typescript));
  assert.ok(!(apps.react instanceof Error), String(apps.react));
});

test('importing the package in plain Node throws nothing and defines nothing', async () => {
  await prepareApps();
  const output = execFileSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `const widgets = await import('industrikommun-widgets'); console.log(JSON.stringify({ customElements: typeof customElements, document: typeof document, HTMLElement: typeof HTMLElement, exports: Object.keys(widgets) }));`,
    ],
    { cwd: join(appsDir, 'typescript'), encoding: 'utf8' },
  );
  const result = JSON.parse(output);
  assert.equal(result.customElements, 'undefined');
  assert.equal(result.document, 'undefined');
  assert.equal(result.HTMLElement, 'undefined');
});

test('custom-elements.json: every event typed, every definition exported, no internals as fields', async () => {
  await prepareApps();
  const manifest = JSON.parse(readFileSync(join(packageDir(), 'custom-elements.json'), 'utf8'));
  const declarations = manifest.modules.flatMap((/** @type {any} */ module) =>
    (module.declarations ?? []).map((/** @type {any} */ declaration) => ({ module, declaration })),
  );
  const elements = declarations.filter(({ declaration }) => declaration.customElement && declaration.tagName);
  assert.deepEqual(elements.map(({ declaration }) => declaration.tagName).sort(), [
    'ik-contact-card',
    'ik-manifesto-card',
    'ik-share-form',
  ]);
  const definitions = manifest.modules.flatMap((/** @type {any} */ module) =>
    (module.exports ?? [])
      .filter((/** @type {any} */ entry) => entry.kind == 'custom-element-definition')
      .map((/** @type {any} */ entry) => entry.name),
  );
  assert.deepEqual(definitions.sort(), ['ik-contact-card', 'ik-manifesto-card', 'ik-share-form']);
  for (const { declaration } of elements) {
    assert.ok(declaration.events?.length > 0, `${declaration.tagName} has events`);
    for (const event of declaration.events) assert.ok(event.type?.text, `${declaration.tagName} ${event.name} has a type`);
    const fields = (declaration.members ?? []).map((/** @type {any} */ member) => member.name);
    for (const internal of ['adoptedStyleSheets', 'renderRoot', 'styles', 'properties'])
      assert.ok(
        !fields.includes(internal) || declaration.members.find((/** @type {any} */ m) => m.name == internal).static,
        `${declaration.tagName} lists ${internal} as a field`,
      );
  }
  const share = elements.find(({ declaration }) => declaration.tagName == 'ik-share-form').declaration;
  // Its private state (`_note`, `_sent`, …) is no attribute.
  assert.deepEqual(share.attributes.map((/** @type {any} */ attribute) => attribute.name).sort(), [
    'data-config',
    'data-config-src',
    'endpoint',
    'heading-level',
    'lang',
    'page-title',
    'timeout',
    'url',
  ]);
  assert.deepEqual(share.events.map((/** @type {any} */ event) => event.name).sort(), [
    'ik-config-error',
    'ik-share-error',
    'ik-share-submit',
    'ik-share-success',
  ]);
});
