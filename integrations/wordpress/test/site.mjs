/**
 * A throwaway WordPress for the tests, from Debian's packages: its own
 * MariaDB server (a fresh data directory, on a Unix socket, no TCP port), its
 * own Apache (a config file of its own, on 127.0.0.1 and a free port) running
 * one of two WordPress versions (`WORDPRESSES`: Debian 12's installed
 * /usr/share/wordpress, or Debian unstable's, unpacked by unstable.mjs), and
 * its own wp-content directory, all in one temporary directory. The system's services, port 80 and
 * /var/lib/wordpress are left alone; the one file outside the temporary
 * directory, /etc/wordpress/config-ik-widgets-test-<port>.php (Debian's
 * wp-config.php reads only from there), is removed again by `stop`.
 *
 * Missing packages are installed with apt-get (root only), with
 * `apt-get update` only when the first try fails.
 */
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, copyFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { unstableWordPress } from './unstable.mjs';

// The theme and the translations are only recommended by `wordpress`: named, so that they come where apt skips recommends.
const PACKAGES = [
  'wordpress',
  'wordpress-theme-twentytwentythree',
  'wordpress-l10n',
  'mariadb-server',
  'apache2',
  'libapache2-mod-php',
  'php-mysql',
];

/** The WordPress versions the suite proves: the oldest the plugin promises (Debian 12's) and today's (Debian unstable's). */
export const WORDPRESSES = {
  'debian-12': {
    label: "Debian 12's WordPress",
    get() {
      ensurePackages();
      const wordpress = '/usr/share/wordpress';
      const version = /\$wp_version = '([^']+)'/.exec(readFileSync(join(wordpress, 'wp-includes/version.php'), 'utf8'))[1];
      return {
        version,
        wordpress,
        theme: join(wordpress, 'wp-content/themes/twentytwentythree'),
        languages: '/var/lib/wordpress/wp-content/languages',
      };
    },
  },
  'debian-unstable': {
    label: "Debian unstable's WordPress",
    get() {
      ensurePackages(); // MariaDB, Apache and PHP, and /etc/wordpress
      return unstableWordPress();
    },
  },
};

/** The users the tests log in as: one per role that writes posts. */
export const USERS = {
  administrator: { login: 'ik-admin', password: randomBytes(12).toString('hex') },
  editor: { login: 'ik-editor', password: randomBytes(12).toString('hex') },
  author: { login: 'ik-author', password: randomBytes(12).toString('hex') },
};

const run = (command, args, options = {}) => execFileSync(command, args, { encoding: 'utf8', stdio: 'pipe', ...options });

function installed(name) {
  try {
    return run('dpkg-query', ['-W', '-f=${Status}', name]).includes('install ok installed');
  } catch {
    return false;
  }
}

/** Installs the Debian packages the site needs, when any is missing. */
export function ensurePackages() {
  const missing = PACKAGES.filter((name) => !installed(name));
  if (!missing.length) return;
  if (process.getuid?.() !== 0)
    throw new Error(`Missing Debian packages: ${missing.join(' ')}. Install them (apt-get install ${missing.join(' ')}) or run as root.`);
  console.log(`# installing ${missing.join(' ')} from Debian's packages`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = () => run('apt-get', ['install', '-y', '-qq', ...missing], { env, timeout: 600_000 });
  try {
    install();
  } catch {
    // A fresh machine's package lists may be missing or stale.
    run('apt-get', ['update', '-qq'], { env, timeout: 300_000 });
    install();
  }
}

/** A TCP port on 127.0.0.1 that nothing listens on now. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(what, check, timeout = 30_000) {
  const start = Date.now();
  for (;;) {
    try {
      if (await check()) return;
    } catch {}
    if (Date.now() - start > timeout) throw new Error(`timed out after ${timeout / 1000} s waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const phpString = (value) => `'${String(value).replace(/[\\']/g, '\\$&')}'`;

/**
 * Starts the site and installs WordPress in it. Call `stop` in any case
 * (it undoes whatever part of the start succeeded).
 */
export async function startSite(flavour = 'debian-12') {
  const { version, wordpress: WORDPRESS, theme, languages } = WORDPRESSES[flavour].get();
  const themeName = theme.split('/').pop();
  const dir = mkdtempSync('/tmp/ik-wordpress-');
  chmodSync(dir, 0o755); // Apache's www-data reaches wp-content and the database socket through it.
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const configName = `ik-widgets-test-${port}`;
  const configFile = `/etc/wordpress/config-${configName}.php`;
  const socket = join(dir, 'mysql.sock');
  const content = join(dir, 'wp-content');
  const apacheConfig = join(dir, 'apache2.conf');
  const stops = [];
  let mariadb;

  const site = {
    /** WordPress's own version, such as 6.1.1. */
    version,
    url,
    dir,
    content,
    /** Runs PHP with WordPress loaded (as the command line has no Host, the config is named as Apache names it). */
    php(code, { installing = false } = {}) {
      const file = join(dir, `cli-${randomBytes(4).toString('hex')}.php`);
      writeFileSync(
        file,
        `<?php\n$_SERVER['HTTP_HOST'] = ${phpString(`127.0.0.1:${port}`)};\n$_SERVER['WORDPRESS_CONFIG'] = ${phpString(configName)};\n` +
          `$_SERVER['REQUEST_URI'] = '/';\n${installing ? "define('WP_INSTALLING', true);\n" : ''}require '${WORDPRESS}/wp-load.php';\n${code}\n`,
      );
      try {
        return run('php', [file], { timeout: 60_000 });
      } catch (error) {
        throw new Error(`PHP failed: ${(error.stderr || error.stdout?.slice(-1000) || error.message).trim()}`, { cause: error });
      } finally {
        rmSync(file, { force: true });
      }
    },
    /** Stops everything `startSite` started, in reverse order; never throws. */
    async stop() {
      for (const stop of stops.reverse()) {
        try {
          await stop();
        } catch (error) {
          console.error(`# stopping the WordPress site: ${error.message}`);
        }
      }
      stops.length = 0;
    },
  };
  // Also on a crash or Ctrl+C: nothing stays running.
  const onExit = () => {
    try {
      if (existsSync(join(dir, 'apache2.pid'))) run('/usr/sbin/apache2', ['-f', apacheConfig, '-k', 'stop']);
    } catch {}
    mariadb?.kill('SIGKILL');
    rmSync(configFile, { force: true });
  };
  // A test runner stopped by a signal (Ctrl+C, a timeout) leaves no server behind either.
  const onSignal = (signal) => {
    onExit();
    process.exit(signal == 'SIGINT' ? 130 : 143);
  };
  process.once('exit', onExit);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  stops.push(() => {
    process.off('exit', onExit);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    rmSync(dir, { recursive: true, force: true });
  });

  try {
    // ---- MariaDB: a new data directory, reached only through its socket.
    run(
      'mariadb-install-db',
      ['--no-defaults', `--datadir=${dir}/mysql`, '--user=root', '--auth-root-authentication-method=normal', '--skip-test-db'],
      {
        timeout: 120_000,
      },
    );
    mariadb = spawn(
      '/usr/sbin/mariadbd',
      [
        '--no-defaults',
        `--datadir=${dir}/mysql`,
        `--socket=${socket}`,
        `--pid-file=${dir}/mysql.pid`,
        '--skip-networking',
        '--user=root',
        `--log-error=${dir}/mysql.err`,
      ],
      { stdio: 'ignore' },
    );
    const mariadbExited = new Promise((resolve) => mariadb.once('exit', resolve));
    stops.push(async () => {
      mariadb.kill('SIGTERM');
      await Promise.race([mariadbExited, new Promise((resolve) => setTimeout(resolve, 20_000))]);
    });
    await waitFor('MariaDB', () => existsSync(socket));
    const dbPassword = randomBytes(12).toString('hex');
    run('mariadb', ['--no-defaults', '-S', socket, '-uroot'], {
      input: `CREATE DATABASE wordpress; CREATE USER 'wordpress'@'localhost' IDENTIFIED BY '${dbPassword}'; GRANT ALL ON wordpress.* TO 'wordpress'@'localhost';`,
    });

    // ---- wp-content of its own: Debian's theme and translations, nothing else.
    for (const sub of ['plugins', 'uploads', 'upgrade', 'themes', 'ik-cdn']) mkdirSync(join(content, sub), { recursive: true });
    symlinkSync(theme, join(content, 'themes', themeName));
    symlinkSync(languages, join(content, 'languages'));
    run('chown', ['-R', 'www-data:www-data', content]);

    const salts = [
      'AUTH_KEY',
      'SECURE_AUTH_KEY',
      'LOGGED_IN_KEY',
      'NONCE_KEY',
      'AUTH_SALT',
      'SECURE_AUTH_SALT',
      'LOGGED_IN_SALT',
      'NONCE_SALT',
    ]
      .map((name) => `define('${name}', '${randomBytes(32).toString('hex')}');`)
      .join('\n');
    writeFileSync(
      configFile,
      `<?php
// Written by industrikommun-widgets' WordPress tests (integrations/wordpress/test/site.mjs); removed when they end.
define('DB_NAME', 'wordpress');
define('DB_USER', 'wordpress');
define('DB_PASSWORD', '${dbPassword}');
define('DB_HOST', ${phpString(`localhost:${socket}`)});
define('WP_HOME', '${url}');
define('WP_SITEURL', '${url}');
define('WP_CONTENT_DIR', '${content}');
define('WP_CONTENT_URL', '${url}/wp-content');
define('FS_METHOD', 'direct');
define('WP_ENVIRONMENT_TYPE', 'local');
define('WP_DEFAULT_THEME', '${themeName}');
// No requests to wordpress.org (there is no network), and no cron requests to itself.
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
${salts}
`,
    );
    chmodSync(configFile, 0o644);
    stops.push(() => rmSync(configFile, { force: true }));

    // ---- Apache: its own config, on loopback only.
    const modules = ['mpm_prefork', 'authz_core', 'dir', 'mime', 'alias', 'env'];
    writeFileSync(
      apacheConfig,
      `ServerRoot /etc/apache2
DefaultRuntimeDir ${dir}
PidFile ${dir}/apache2.pid
Mutex file:${dir} default
Listen 127.0.0.1:${port}
ServerName 127.0.0.1
User www-data
Group www-data
ErrorLog ${dir}/apache-error.log
LogLevel warn
${modules.map((name) => `LoadModule ${name}_module /usr/lib/apache2/modules/mod_${name}.so`).join('\n')}
LoadModule php_module /usr/lib/apache2/modules/libphp8.2.so
TypesConfig /etc/mime.types
StartServers 2
MinSpareServers 2
MaxSpareServers 4
MaxRequestWorkers 8
SetEnv WORDPRESS_CONFIG ${configName}
DocumentRoot ${WORDPRESS}
DirectoryIndex index.php index.html
Alias /wp-content ${content}
<Directory />
  AllowOverride None
  Require all denied
</Directory>
<Directory ${WORDPRESS}>
  Options FollowSymLinks
  Require all granted
</Directory>
<Directory ${content}>
  Options FollowSymLinks
  Require all granted
</Directory>
<Directory ${theme}>
  Require all granted
</Directory>
<FilesMatch "\\.php$">
  SetHandler application/x-httpd-php
</FilesMatch>
php_admin_value upload_max_filesize 16M
php_admin_value post_max_size 16M
`,
    );
    run('/usr/sbin/apache2', ['-f', apacheConfig, '-k', 'start']);
    stops.push(async () => {
      const pid = Number(readFileSync(join(dir, 'apache2.pid'), 'utf8'));
      run('/usr/sbin/apache2', ['-f', apacheConfig, '-k', 'stop']);
      await waitFor('Apache to stop', () => {
        try {
          process.kill(pid, 0);
          return false;
        } catch {
          return true;
        }
      });
    });
    await waitFor('Apache', async () => (await fetch(`${url}/wp-includes/images/blank.gif`)).ok);

    // ---- WordPress, installed without a browser, and one user per role.
    site.php(
      `
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
$installed = wp_install('Industrikommun', ${phpString(USERS.administrator.login)}, 'admin@example.se', false, '', ${phpString(USERS.administrator.password)}, 'en_US');
foreach (array('editor' => ${phpString(JSON.stringify(USERS.editor))}, 'author' => ${phpString(JSON.stringify(USERS.author))}) as $role => $json) {
  $user = json_decode($json, true);
  $id = wp_insert_user(array('user_login' => $user['login'], 'user_pass' => $user['password'], 'user_email' => $user['login'] . '@example.se', 'role' => $role));
  if (is_wp_error($id)) { fwrite(STDERR, $id->get_error_message()); exit(1); }
}
// Avatars come from gravatar.com, which this machine cannot reach.
update_option('show_avatars', 0);
// The welcome guide would cover the block editor on first use; the admin stays in English whatever the site's language.
foreach (get_users() as $user) {
  update_user_meta($user->ID, 'locale', 'en_US');
  update_user_meta($user->ID, $GLOBALS['wpdb']->get_blog_prefix() . 'persisted_preferences', array('core/edit-post' => array('welcomeGuide' => false), 'core' => array('welcomeGuide' => false, 'enableChoosePatternModal' => false), '_modified' => gmdate('c')));
}
if (!is_blog_installed()) { fwrite(STDERR, 'WordPress did not install'); exit(1); }
`,
      { installing: true },
    );
    return site;
  } catch (error) {
    const log = [join(dir, 'apache-error.log'), join(dir, 'mysql.err')]
      .filter(existsSync)
      .map((file) => readFileSync(file, 'utf8').slice(-2000));
    await site.stop();
    error.message += log.length ? `\n${log.join('\n')}` : '';
    throw error;
  }
}

/** Serves a copy of the built bundles at a versioned "CDN" address on the site, as a municipality's snippet would load them. */
export function publishBundle(site, distDir, version) {
  const dir = join(site.content, 'ik-cdn', version);
  mkdirSync(dir, { recursive: true });
  for (const name of ['industrikommun-widgets.js', 'industrikommun-widgets.iife.js']) copyFileSync(join(distDir, name), join(dir, name));
  return `${site.url}/wp-content/ik-cdn/`;
}
