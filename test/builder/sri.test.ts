import { expect } from '@open-wc/testing';
import { loadIntegrity } from '../../demo/builder.snippet.js';
import { $, mountBuilder, shownSnippet } from './helpers.js';

/**
 * Stand-in bundles that no dev server transforms (the test server's esbuild
 * plugin rewrites any .js it serves): the test endpoint answers each request
 * with its own file name as the body.
 */
const SAMPLE_DIR = '/test-http/slow?ms=0&body=';
// `printf %s industrikommun-widgets.js | openssl dgst -sha384 -binary | base64`, and the same for the .iife.js
const SAMPLE_HASHES = {
  'industrikommun-widgets.js': 'sha384-jOyPKI2M9Jrjo/xyDQIAMTzuePxg/+SF7ayV+3K76O2Aj5FzRET9Gzcegh9/7pZI',
  'industrikommun-widgets.iife.js': 'sha384-8oAar7PdkrpU4jOfpOH8ZaNfA81G2r1nnGZjBkpQQO/CYqXzAYiteDKY0mQP0aKn',
};

describe('snippet builder: Subresource Integrity', () => {
  it('takes the hashes the build wrote to dist/sri.json', async () => {
    const integrity = await loadIntegrity('/test/builder/sri-sample.json', '/nowhere/');
    expect(integrity).to.deep.include({ from: 'sri.json', version: '9.8.7' });
  });

  it('computes them with SubtleCrypto from the bundles when sri.json is missing', async () => {
    expect(await loadIntegrity('/nowhere/sri.json', SAMPLE_DIR)).to.deep.equal({ hashes: SAMPLE_HASHES, from: 'computed' });
  });

  it('says to run the build when there is nothing to hash, and leaves integrity out', async () => {
    expect(await loadIntegrity('/nowhere/sri.json', '/nowhere/')).to.equal(undefined);
    const builder = await mountBuilder({ sriUrl: '/nowhere/sri.json', bundleDir: '/nowhere/' });
    expect($(builder, '#panel-build').textContent).to.contain('kör npm run build');
    expect(shownSnippet(builder))
      .to.contain('<script type="module" src="https://cdn.example.se/industrikommun-widgets/')
      .and.not.contain('integrity');
  });

  it('puts the computed hash on the script tag, and says where it comes from', async () => {
    const builder = await mountBuilder({ sriUrl: '/nowhere/sri.json', bundleDir: SAMPLE_DIR });
    expect(shownSnippet(builder)).to.contain(`integrity="${SAMPLE_HASHES['industrikommun-widgets.js']}" crossorigin="anonymous"`);
    expect($(builder, '#panel-build').textContent).to.contain('uträknad från dist/industrikommun-widgets.js');
  });
});
