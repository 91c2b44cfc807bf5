/**
 * Today's WordPress from Debian unstable (`sid`), without touching the machine's own apt sources or installed
 * packages: apt-get runs with a source list, package lists and cache of its own (the `sid` suite, on the same
 * mirror the machine's own Debian entry uses), `download`s the `wordpress` package and the `all` packages its
 * symbolic links point into, and `dpkg-deb -x` unpacks them into a folder of the suite's own. Everything is
 * cached under node_modules/.cache: a second run fetches nothing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../../../', import.meta.url).pathname;
const cacheDir = join(root, 'node_modules/.cache/industrikommun-widgets/wordpress-sid');

/**
 * `wordpress` and what its links point into (Depends of architecture `all`), its default theme, and the
 * translations (only Swedish is unpacked: the rest is 30 MB nobody reads here).
 */
const DEBS = [
  'wordpress',
  'libphp-phpmailer',
  'php-getid3',
  'libjs-underscore',
  'libjs-jquery-ui',
  'libjs-lodash',
  'libjs-cropper',
  'wordpress-theme-twentytwentyfive',
  'wordpress-l10n',
];

const run = (command, args, options = {}) => execFileSync(command, args, { encoding: 'utf8', stdio: 'pipe', ...options });

/** The mirror of the machine's own Debian entry (its release's `main`), read from apt's configuration. */
function mirror() {
  const codename = /^VERSION_CODENAME=(.*)$/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1]?.trim();
  const targets = run('apt-get', ['indextargets', '--no-release-info', '--format', '$(REPO_URI) $(RELEASE) $(COMPONENT)'])
    .split('\n')
    .map((line) => line.trim().split(' '));
  const found = targets.find(([, release, component]) => release == codename && component == 'main');
  if (!found) throw new Error(`no apt source for ${codename} main on this machine: cannot tell which Debian mirror to use`);
  return found[0];
}

/** apt-get with its own sources, lists and cache (the machine's configuration is not read or changed). */
function aptGet(args, cwd) {
  const apt = join(cacheDir, 'apt');
  const options = [
    `Dir::Etc::SourceList=/dev/null`,
    `Dir::Etc::SourceParts=${join(apt, 'sources.list.d')}`,
    `Dir::State::Lists=${join(apt, 'lists')}`,
    `Dir::Cache=${join(apt, 'cache')}`,
    `Dir::State::status=/dev/null`,
    'Debug::NoLocking=1',
    'APT::Sandbox::User=root',
  ].flatMap((option) => ['-o', option]);
  return run('apt-get', [...options, '-qq', ...args], { cwd, timeout: 600_000 });
}

/**
 * Debian unstable's WordPress, unpacked: the path of its `/usr/share/wordpress` and what else the site needs.
 * @returns {{ version: string, wordpress: string, theme: string, languages: string }}
 */
export function unstableWordPress() {
  const debs = join(cacheDir, 'debs');
  const unpacked = join(cacheDir, 'root');
  const deb = (name) => readdirSync(debs).find((file) => file.startsWith(`${name}_`) && file.endsWith('_all.deb'));
  mkdirSync(debs, { recursive: true });
  const missing = DEBS.filter((name) => !deb(name));
  if (missing.length) {
    const apt = join(cacheDir, 'apt');
    for (const sub of ['sources.list.d', 'lists/partial', 'cache/archives/partial']) mkdirSync(join(apt, sub), { recursive: true });
    const keyring = '/usr/share/keyrings/debian-archive-keyring.gpg';
    writeFileSync(
      join(apt, 'sources.list.d/sid.sources'),
      `Types: deb\nURIs: ${mirror()}\nSuites: sid\nComponents: main\n${existsSync(keyring) ? `Signed-By: ${keyring}\n` : ''}`,
    );
    console.log(`# fetching Debian unstable's ${missing.join(' ')}`);
    aptGet(['update']);
    aptGet(['download', ...missing], debs);
    rmSync(join(unpacked, '.complete'), { force: true });
  }
  if (!existsSync(join(unpacked, '.complete'))) {
    rmSync(unpacked, { recursive: true, force: true });
    mkdirSync(unpacked, { recursive: true });
    for (const name of DEBS.filter((name) => name != 'wordpress-l10n')) run('dpkg-deb', ['-x', join(debs, deb(name)), unpacked]);
    // Only the Swedish translations: `dpkg-deb --fsys-tarfile … | tar -x --wildcards`.
    run('sh', [
      '-c',
      `dpkg-deb --fsys-tarfile "$1" | tar -x -C "$2" --wildcards '*sv_SE*'`,
      'sh',
      join(debs, deb('wordpress-l10n')),
      unpacked,
    ]);
    // Not used here, and links to absolute paths of an installed system: /var/lib's theme link and .htaccess.
    rmSync(join(unpacked, 'var'), { recursive: true, force: true });
    rmSync(join(unpacked, 'usr/share/wordpress/.htaccess'), { force: true });
    writeFileSync(join(unpacked, '.complete'), `${DEBS.map(deb).join('\n')}\n`);
  }
  const wordpress = join(unpacked, 'usr/share/wordpress');
  const version = /\$wp_version = '([^']+)'/.exec(readFileSync(join(wordpress, 'wp-includes/version.php'), 'utf8'))[1];
  // Every link must land inside what was unpacked (or on a file this machine has, such as its CA bundle).
  const dangling = run('find', [unpacked, '-xtype', 'l']).trim();
  if (dangling) throw new Error(`links in Debian unstable's WordPress point nowhere:\n${dangling}`);
  return {
    version,
    wordpress,
    theme: join(wordpress, 'wp-content/themes/twentytwentyfive'),
    languages: join(wordpress, 'wp-content/languages'),
  };
}
