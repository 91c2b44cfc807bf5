/**
 * The plugin's conventions and what differs between WordPress versions (issue 20): the plugin screen and
 * readme.txt, the script tag (a script module from 6.5, the classic tag made a module before, inline scripts
 * kept), the SRI filter, the main query's enqueue, attribute parsing, the editor's canvas and block API version,
 * and uninstall.php. Runs at the end of wordpress.test.mjs's suite, on each WordPress version.
 */
import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { unzipSync } from 'fflate';

const root = new URL('../../../', import.meta.url).pathname;
const HANDLE = 'industrikommun-widgets';

/** @param {any} suite what wordpress.test.mjs shares */
export function conventionTests(suite) {
  const { editors } = suite;
  const atLeast = (version, wanted) => {
    const [major, minor] = version.split('.').map(Number);
    const [wantedMajor, wantedMinor] = wanted.split('.').map(Number);
    return major > wantedMajor || (major == wantedMajor && minor >= wantedMinor);
  };
  /** A must-use plugin of the test's own in the site's wp-content, for as long as `run` takes. */
  async function withMuPlugin(name, php, run) {
    const dir = join(suite.site.content, 'mu-plugins');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${name}.php`), `<?php\n${php}\n`);
    try {
      return await run();
    } finally {
      rmSync(join(dir, `${name}.php`), { force: true });
    }
  }
  /** A published post by the Administrator with one element. */
  const postWithElement = () =>
    Number(
      suite.site.php(
        `echo wp_insert_post(array('post_title' => 'Ett kort', 'post_status' => 'publish', 'post_author' => 1, 'post_content' => '<ik-contact-card name="Anna Andersson"><p>Anna Andersson</p></ik-contact-card>'));`,
      ),
    );

  test("the plugin screen shows the plugin's version, author and description and a Settings link; readme.txt in the zip is WordPress's format and agrees with the header", async () => {
    const { site } = suite;
    const page = editors.administrator;
    await page.goto(`${site.url}/wp-admin/plugins.php`);
    const row = await page.$eval(`tr[data-slug="${HANDLE}"]`, (tr) => tr.innerText);
    assert.match(row, new RegExp(`Version ${suite.version.replace(/\./g, '\\.')}`));
    assert.match(row, /By Industrikommunerna/);
    assert.match(row, /contact card, manifesto card and "tell a friend" form/);
    assert.match(row, /Settings/);
    const data = JSON.parse(
      site.php(`require_once ABSPATH . 'wp-admin/includes/plugin.php'; echo wp_json_encode(get_plugins()['${HANDLE}/${HANDLE}.php']);`),
    );
    assert.equal(
      data.UpdateURI,
      'https://www.npmjs.com/package/industrikommun-widgets',
      'Update URI: no wordpress.org plugin of the same slug is offered as an update',
    );
    assert.equal(data.RequiresWP, '6.1');
    assert.equal(data.RequiresPHP, '7.4');

    const zip = unzipSync(readFileSync(join(root, 'build/wordpress', `${HANDLE}-${suite.version}.zip`)));
    const readme = new TextDecoder().decode(zip[`${HANDLE}/readme.txt`]);
    assert.match(readme, /^=== Industrikommun Widgets ===$/m);
    const field = (name) => new RegExp(`^${name}:\\s*(.+)$`, 'm').exec(readme)?.[1].trim();
    assert.equal(field('Requires at least'), data.RequiresWP);
    assert.equal(field('Requires PHP'), data.RequiresPHP);
    assert.equal(field('Stable tag'), suite.version);
    assert.equal(field('License'), 'MIT');
    assert.ok(
      atLeast(field('Tested up to'), site.version.split('.').slice(0, 2).join('.')),
      `Tested up to ${field('Tested up to')} covers ${site.version}`,
    );
    for (const section of ['Description', 'Installation', 'Changelog']) assert.match(readme, new RegExp(`^== ${section} ==$`, 'm'));
  });

  test('the script tag: a script module from WordPress 6.5, the classic tag made a module before; inline scripts before and after survive the filter', async () => {
    const { site } = suite;
    const modules = atLeast(site.version, '6.5');
    const id = postWithElement();
    await withMuPlugin(
      'ik-inline',
      `add_action('wp_enqueue_scripts', function () { wp_add_inline_script('${HANDLE}', 'window.ikBefore = 1;', 'before'); wp_add_inline_script('${HANDLE}', 'window.ikAfter = 1;', 'after'); }, 20);` +
        // Where the front end uses modules, the classic handle is enqueued too, to see its tags.
        (modules ? `add_action('wp_enqueue_scripts', function () { wp_enqueue_script('${HANDLE}'); }, 20);` : ''),
      async () => {
        const visitor = await suite.visit(`${site.url}/?p=${id}`);
        await suite.waitForCards(visitor.page, 1, visitor.problems);
        const seen = await visitor.page.evaluate(() => ({
          before: window.ikBefore,
          after: window.ikAfter,
          classic: (({ type, integrity, crossOrigin } = {}) => ({ type, integrity, crossOrigin }))(
            document.getElementById('industrikommun-widgets-js') ?? undefined,
          ),
          module: !!document.getElementById('industrikommun-widgets-js-module'),
        }));
        assert.equal(seen.before, 1, 'the inline script before runs');
        assert.equal(seen.after, 1, 'the inline script after runs');
        assert.deepEqual(seen.classic, { type: 'module', integrity: suite.integrity, crossOrigin: 'anonymous' });
        assert.equal(seen.module, modules, modules ? 'the script module is on the page' : 'no script module API before 6.5');
      },
    );
    // Without the must-use plugin: one way only.
    const visitor = await suite.visit(`${site.url}/?p=${id}`);
    const script = await suite.pluginScript(visitor.page);
    assert.equal(script.id, modules ? `${HANDLE}-js-module` : `${HANDLE}-js`);
    assert.deepEqual([script.type, script.integrity, script.crossOrigin], ['module', suite.integrity, 'anonymous']);
  });

  test('the industrikommun_widgets_sri filter turns off integrity and crossorigin (for sites whose optimisation plugins rewrite scripts)', async () => {
    const { site } = suite;
    const id = postWithElement();
    await withMuPlugin('ik-no-sri', `add_filter('industrikommun_widgets_sri', '__return_false');`, async () => {
      const visitor = await suite.visit(`${site.url}/?p=${id}`);
      await suite.waitForCards(visitor.page, 1, visitor.problems);
      const script = await suite.pluginScript(visitor.page);
      assert.deepEqual([script.type, script.integrity, script.crossOrigin], ['module', '', null]);
    });
  });

  test("the main query's posts enqueue the script in wp_enqueue_scripts, before any content is rendered", () => {
    const id = postWithElement();
    const enqueued = suite.site.php(`
wp('p=${id}');
do_action('wp_enqueue_scripts');
if (function_exists('wp_script_modules')) { ob_start(); wp_script_modules()->print_enqueued_script_modules(); echo false !== strpos(ob_get_clean(), '${HANDLE}-js-module') ? 'yes' : 'no'; }
else echo wp_script_is('${HANDLE}', 'enqueued') ? 'yes' : 'no';`);
    assert.equal(enqueued.trim(), 'yes');
  });

  test("attributes are read as HTML parses them (WP_HTML_Tag_Processor from 6.2, the plugin's tokenizer on 6.1); only the three elements change", () => {
    const out = suite.site.php(`
$removed = array();
echo industrikommun_widgets_clean_html(${JSON.stringify(
      [
        `<ik-share-form title='a > b' endpoint="https://evil.example/x">`,
        `<!-- <ik-share-form endpoint="https://evil.example/comment"> -->`,
        `<div endpoint="https://evil.example/div" data-config-src="https://evil.example/div"></div>`,
        `<IK-SHARE-FORM Endpoint='https://evil.example/upper'>`,
      ].join('\n'),
    )}, $removed);
echo "\\n" . (class_exists('WP_HTML_Tag_Processor') ? 'processor' : 'tokenizer');`);
    const lines = out.trim().split('\n');
    assert.equal(lines.pop(), atLeast(suite.site.version, '6.2') ? 'processor' : 'tokenizer');
    assert.match(lines[0], /^<ik-share-form title='a > b'\s*>$/);
    assert.equal(lines[1], `<!-- <ik-share-form endpoint="https://evil.example/comment"> -->`);
    assert.equal(lines[2], `<div endpoint="https://evil.example/div" data-config-src="https://evil.example/div"></div>`);
    assert.match(lines[3], /^<IK-SHARE-FORM\s*>$/);
  });

  test('the block editor: block API version 3; the canvas is an iframe where the version makes it one, and the card renders inside it', async () => {
    const page = editors.administrator;
    await suite.openEditor(page);
    await suite.insertBlocks(page, [['industrikommun/contact-card', { name: 'Anna Andersson' }]]);
    const seen = await page.waitForFunction(
      () => {
        const iframe = document.querySelector('iframe[name="editor-canvas"]');
        const canvas = iframe?.contentDocument ?? document;
        const heading = canvas.querySelector('.wp-block ik-contact-card')?.shadowRoot?.querySelector('[part~="heading"]');
        return (
          heading && {
            iframe: !!iframe,
            heading: heading.textContent.trim(),
            apiVersion: wp.blocks.getBlockType('industrikommun/contact-card').apiVersion,
          }
        );
      },
      { timeout: 20_000 },
    );
    const { iframe, heading, apiVersion } = await seen.jsonValue();
    assert.equal(apiVersion, 3);
    assert.ok(['Kontakt', 'Contact'].includes(heading), heading);
    assert.equal(iframe, atLeast(suite.site.version, '6.3'), `the canvas is ${iframe ? '' : 'not '}an iframe on ${suite.site.version}`);
    await page.evaluate(() => wp.data.dispatch('core/block-editor').resetBlocks([]));
  });

  test('the blocks offer every language of the one list (src/contract/languages.ts): a text field per language and the language menu; a Finnish block is saved with its texts and stays valid', async () => {
    const page = editors.author;
    await suite.openEditor(page);
    await suite.insertBlocks(page, [
      ['industrikommun/contact-card', { lang: 'fi', name: 'Anna Andersson', roleSv: 'Chef', roleFi: 'Päällikkö', roleAr: 'مديرة' }],
    ]);
    await page.evaluate(() => {
      const [block] = wp.data.select('core/block-editor').getBlocks();
      wp.data.dispatch('core/block-editor').selectBlock(block.clientId);
    });
    const sidebar = await page.waitForFunction(
      () => {
        const inspector = document.querySelector('.block-editor-block-inspector');
        const labels = [...(inspector?.querySelectorAll('label') ?? [])].map((label) => label.textContent.trim());
        const menu = [...(inspector?.querySelectorAll('select') ?? [])].flatMap((select) =>
          [...select.options].map((option) => option.textContent),
        );
        const role = labels.filter((label) => /^(Roll|Role) \(/.test(label));
        return role.length && { role, menu };
      },
      { timeout: 20_000 },
    );
    const { role, menu } = await sidebar.jsonValue();
    assert.equal(role.length, 4, `one role field per language: ${role.join(' | ')}`);
    for (const name of ['Svenska', 'English', 'Suomi', 'العربية'])
      assert.ok(menu.includes(name), `the language menu offers ${name}: ${menu.join(' | ')}`);
    const post = await suite.publish(page, 'Suomeksi');
    const [config] = suite.configsOf(suite.storedContent(post.id));
    assert.deepEqual(config.config.person.role, { sv: 'Chef', fi: 'Päällikkö', ar: 'مديرة' });
    assert.match(suite.storedContent(post.id), /<ik-contact-card [^>]*lang="fi"/);
    await suite.openEditor(page, `/wp-admin/post.php?post=${post.id}&action=edit`);
    assert.deepEqual(
      await page.evaluate(() =>
        wp.data
          .select('core/block-editor')
          .getBlocks()
          .map((block) => [block.isValid, block.attributes.roleAr]),
      ),
      [[true, 'مديرة']],
    );
  });

  test("uninstalling (uninstall.php) removes the plugin's option", () => {
    const out = suite.site.php(`
require_once ABSPATH . 'wp-admin/includes/plugin.php';
echo false === get_option('industrikommun_widgets_settings') ? 'none' : 'set', ' ';
deactivate_plugins('${HANDLE}/${HANDLE}.php');
uninstall_plugin('${HANDLE}/${HANDLE}.php');
echo false === get_option('industrikommun_widgets_settings') ? 'none' : 'set';`);
    assert.equal(out.trim(), 'set none');
  });
}
