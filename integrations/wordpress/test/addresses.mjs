/**
 * Addresses only where the administrator allows them (issue 20): the settings page, and an Author's foreign
 * `endpoint` and `data-config-src` (as attributes, inside `data-config` JSON, in a child JSON script), pasted into a
 * Custom HTML block and set in the plugin's blocks, never reaching the front end, while the addresses the
 * administrator allowed do. Runs inside wordpress.test.mjs's suite, on each WordPress version.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { USERS } from './site.mjs';

export const FOREIGN = 'evil.example';
export const RELAY = 'https://relay.kommun.example.se/share';
export const MANIFEST_HOST = 'https://manifest.example.se';

/** @param {any} suite what wordpress.test.mjs shares */
export function addressTests(suite) {
  const { editors } = suite;
  const settingsPath = '/wp-admin/options-general.php?page=industrikommun-widgets';

  /** The page's HTML as the server sends it to a visitor. */
  const frontEnd = async (link) => {
    let response;
    // Up to three tries: on a shared, overloaded machine Apache has dropped a connection ("fetch failed").
    for (let attempt = 1; !response; attempt++)
      response = await fetch(link).catch((error) => {
        if (attempt == 3) throw new Error(`${link}: ${error.cause?.message ?? error.message}`, { cause: error });
      });
    assert.equal(response.status, 200, link);
    return response.text();
  };

  /** Waits for the block editor's notice that names `text`. */
  const notice = (page, text) =>
    page
      .waitForFunction(
        (text) => [...document.querySelectorAll('.components-notice')].some((element) => element.textContent.includes(text)),
        { timeout: 15_000 },
        text,
      )
      .then(
        () => true,
        () => false,
      );

  test('settings: the Administrator lists the relay and the configuration hosts on Settings → Industrikommun widgets; an Author cannot open it', async () => {
    const page = editors.administrator;
    const { site } = suite;
    await page.goto(`${site.url}${settingsPath}`);
    assert.equal(await page.$eval('h1', (h1) => h1.textContent.trim()), 'Industrikommun widgets');
    // Defaults: no relay; configuration files from the site itself.
    assert.equal(await page.$eval('#industrikommun-widgets-relays', (area) => area.value), '');
    assert.equal(await page.$eval('#industrikommun-widgets-config-origins', (area) => area.value), site.url);
    await page.$eval(
      '#industrikommun-widgets-relays',
      (area, value) => (area.value = value),
      `${RELAY}\n${site.url}/api/share\nnot an address`,
    );
    await page.$eval('#industrikommun-widgets-config-origins', (area, value) => (area.value = value), `${site.url}\nmanifest.example.se`);
    await Promise.all([page.waitForNavigation(), page.click('#submit')]);
    const said = await page.$eval('#wpbody-content', (body) => body.innerText);
    // WordPress says "Settings saved." only when no line was refused; this one is named.
    assert.match(said, /Not an https:\/\/ or http:\/\/ address, left out: not an address/);
    const saved = JSON.parse(site.php(`echo wp_json_encode(get_option('industrikommun_widgets_settings'));`));
    assert.deepEqual(saved, { relays: [RELAY, `${site.url}/api/share`], config_origins: [site.url, MANIFEST_HOST] });

    // The form carries the Settings API's nonce: without it options.php refuses.
    const refused = await page.evaluate(async (url) => {
      const body = new URLSearchParams({
        option_page: 'industrikommun-widgets',
        action: 'update',
        'industrikommun_widgets_settings[relays]': 'https://x.example/',
      });
      return (await fetch(`${url}/wp-admin/options.php`, { method: 'POST', body })).status;
    }, site.url);
    assert.notEqual(refused, 200, 'options.php refuses a post without the nonce');
    assert.deepEqual(JSON.parse(site.php(`echo wp_json_encode(get_option('industrikommun_widgets_settings'));`)).relays, [
      RELAY,
      `${site.url}/api/share`,
    ]);

    await editors.author.goto(`${site.url}${settingsPath}`);
    const author = await editors.author.$eval('body', (body) => body.innerText);
    assert.match(author, /not allowed/i, 'an Author is refused');
  });

  test("an Author's foreign endpoint and data-config-src, as attributes and inside the JSON, pasted in Custom HTML, never reach the front end; the allowed ones do; the editor says why", async () => {
    const page = editors.author;
    await suite.openEditor(page);
    await suite.insertBlocks(page, [
      [
        'core/html',
        {
          content: [
            `<ik-share-form endpoint="https://${FOREIGN}/attribute" data-config='{"heading":"Tipsa","endpoint":"https://${FOREIGN}/json"}'><p>Tipsa</p></ik-share-form>`,
            `<ik-manifesto-card data-config-src="https://${FOREIGN}/manifest.json"><p>Manifest</p></ik-manifesto-card>`,
            // A ">" in an earlier attribute: the tag is read as the browser reads it.
            `<ik-contact-card role="Chef > IT" endpoint="//${FOREIGN}/protocol-relative" data-config='{"person":{"name":"Eva Ek"},"x":{"endpoint":"https://${FOREIGN}/deep"}}'><p>Eva Ek</p></ik-contact-card>`,
            `<ik-share-form id="allowed" endpoint="${RELAY}" data-config='{"endpoint":"/api/share"}'><p>Tipsa</p></ik-share-form>`,
            `<ik-manifesto-card id="allowed-src" data-config-src="${MANIFEST_HOST}/manifest.json"><p>Manifest</p></ik-manifesto-card>`,
            // Another element's address is not the plugin's business.
            `<p><a href="https://elsewhere.example/page">En annan webbplats</a></p>`,
          ].join('\n'),
        },
      ],
    ]);
    const post = await suite.publish(page, 'Främmande adresser (Custom HTML)');
    assert.ok(await notice(page, `https://${FOREIGN}/attribute`), 'the editor shows a notice naming the removed address');
    const stored = suite.storedContent(post.id);
    const html = await frontEnd(post.link);
    for (const [where, text] of [
      ['stored', stored],
      ['front end', html],
    ]) {
      assert.ok(!text.includes(FOREIGN), `${where}: no foreign address:\n${text.slice(0, 3000)}`);
      assert.ok(text.includes(`endpoint="${RELAY}"`), `${where}: the allowed relay stays`);
      assert.match(
        text,
        /data-config="\{&quot;endpoint&quot;:&quot;\/api\/share&quot;\}"/,
        `${where}: the allowed endpoint in the JSON stays`,
      );
      assert.ok(text.includes(`data-config-src="${MANIFEST_HOST}/manifest.json"`), `${where}: the allowed host stays`);
      assert.ok(text.includes('href="https://elsewhere.example/page"'), `${where}: another element's href stays`);
      assert.ok(text.includes('role="Chef &gt; IT"'), `${where}: the role with ">" stays whole`);
    }
  });

  test("an Author's foreign addresses in the plugin's blocks never reach the front end; the allowed ones do; reopened, the blocks are valid and empty there", async () => {
    const page = editors.author;
    await suite.openEditor(page);
    await suite.insertBlocks(page, [
      ['industrikommun/share-form', { introSv: 'Främmande', endpoint: `https://${FOREIGN}/block` }],
      ['industrikommun/manifesto-card', { headingSv: 'Främmande', configSrc: `https://${FOREIGN}/block.json` }],
      ['industrikommun/share-form', { introSv: 'Tillåten', endpoint: RELAY }],
      ['industrikommun/manifesto-card', { headingSv: 'Tillåten', configSrc: `${MANIFEST_HOST}/manifest.json` }],
    ]);
    const post = await suite.publish(page, 'Främmande adresser (block)');
    assert.ok(await notice(page, `https://${FOREIGN}/block`), 'the editor shows a notice naming the removed address');
    const stored = suite.storedContent(post.id);
    const html = await frontEnd(post.link);
    for (const [where, text] of [
      ['stored', stored],
      ['front end', html],
    ])
      assert.ok(!text.includes(FOREIGN), `${where}: no foreign address:\n${text.slice(0, 3000)}`);
    assert.match(
      html,
      new RegExp(`data-config="[^"]*&quot;endpoint&quot;:&quot;${RELAY.replace(/[./]/g, '\\$&')}&quot;`),
      'the allowed relay stays',
    );
    assert.ok(html.includes(`data-config-src="${MANIFEST_HOST}/manifest.json"`), 'the allowed host stays');

    await suite.openEditor(page, `/wp-admin/post.php?post=${post.id}&action=edit`);
    const blocks = await page.evaluate(() =>
      wp.data
        .select('core/block-editor')
        .getBlocks()
        .map((block) => [block.name, block.isValid, block.attributes.endpoint ?? block.attributes.configSrc]),
    );
    assert.deepEqual(blocks, [
      ['industrikommun/share-form', true, ''],
      ['industrikommun/manifesto-card', true, ''],
      ['industrikommun/share-form', true, RELAY],
      ['industrikommun/manifesto-card', true, `${MANIFEST_HOST}/manifest.json`],
    ]);
  });

  test("a post by an Author stored with foreign addresses before (no check on save) loses them when shown, also in a child JSON script; the Administrator's own stay", async () => {
    const { site } = suite;
    const content = [
      `<ik-share-form endpoint="https://${FOREIGN}/old" data-config='{"endpoint":"https://${FOREIGN}/old-json"}'>`,
      `<script type="application/json">{"endpoint":"https://${FOREIGN}/old-script"}</script><p>Tipsa</p></ik-share-form>`,
      `<ik-manifesto-card data-config-src="https://${FOREIGN}/old.json"><p>Manifest</p></ik-manifesto-card>`,
    ].join('');
    const insert = (login) =>
      Number(
        site.php(
          `kses_remove_filters(); remove_filter('content_save_pre', 'industrikommun_widgets_check_saved', 20);` +
            `echo wp_insert_post(array('post_title' => 'Sparat förut', 'post_status' => 'publish', 'post_author' => get_user_by('login', ${JSON.stringify(login)})->ID, 'post_content' => ${JSON.stringify(content)}));`,
        ),
      );
    const byAuthor = insert(USERS.author.login);
    const byAdministrator = insert(USERS.administrator.login);
    assert.ok(suite.storedContent(byAuthor).includes(FOREIGN), 'stored as it was');
    const authorHtml = await frontEnd(`${site.url}/?p=${byAuthor}`);
    assert.ok(!authorHtml.includes(FOREIGN), `the Author's page has no foreign address:\n${authorHtml.slice(-4000)}`);
    const administratorHtml = await frontEnd(`${site.url}/?p=${byAdministrator}`);
    for (const path of ['old"', 'old-json', 'old-script', 'old.json'])
      assert.ok(administratorHtml.includes(`${FOREIGN}/${path}`), `the Administrator's own ${path} stays (unfiltered_html)`);
  });
}
