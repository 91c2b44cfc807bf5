/**
 * The snippet builder's own output, without its page: demo/builder.snippet.ts
 * (the builder's model) bundled for Node with esbuild, then used as the
 * builder uses it when an editor presses "Fill in the example" and copies the
 * snippet: the seed example through the form's draft, the element's own check,
 * the fallback in the page's language, and the script tag with the version and
 * integrity hash.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = new URL('../../../', import.meta.url).pathname;

async function loadBuilder() {
  const outfile = join(root, 'node_modules/.cache/industrikommun-widgets/wordpress-builder-snippet.mjs');
  await build({
    entryPoints: [join(root, 'demo/builder.snippet.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    logLevel: 'warning',
    outfile,
  });
  return import(`${pathToFileURL(outfile).href}?${Date.now()}`);
}

const seeds = {
  'ik-contact-card': 'contact.json',
  'ik-manifesto-card': 'manifesto.json',
  'ik-share-form': 'share.json',
};

/**
 * The builder's snippet for each element's example.
 * @param {{base: string, version: string, integrity: string, pageLang?: 'sv' | 'en'}} script where the "CDN" serves the bundle
 * @returns {Promise<Record<string, string>>} tag → snippet, as the builder's "Copy the snippet" gives it
 */
export async function builderSnippets({ base, version, integrity, pageLang = 'sv' }) {
  const builder = await loadBuilder();
  const snippets = {};
  for (const [tag, file] of Object.entries(seeds)) {
    const schema = builder.specs[tag].schema;
    const seed = JSON.parse(readFileSync(join(root, 'fixtures/seed', file), 'utf8'));
    const config = builder.draftToConfig(schema, builder.configToDraft(schema, seed));
    const checked = builder.checkSources(tag, [['data-config', JSON.stringify(config), true]], 2);
    if (checked.errors.length) throw new Error(`the builder finds errors in the ${tag} example: ${JSON.stringify(checked.errors)}`);
    snippets[tag] = builder.snippetHtml({
      tag,
      config,
      headingLevel: 2,
      fallback: builder.fallbackHtml(tag, checked.merged, pageLang, 2),
      script: { base, version, classic: false, integrity },
    });
  }
  return snippets;
}
