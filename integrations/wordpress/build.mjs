#!/usr/bin/env node
/**
 * Builds the WordPress plugin's installable zip from the plugin's sources and
 * the bundle `npm run build` made: copies dist/industrikommun-widgets.js and
 * its integrity hash (dist/sri.json) into the plugin's assets/, sets the
 * plugin's version to the package's, and writes
 * build/wordpress/industrikommun-widgets-<version>.zip (git-ignored).
 *
 * Run through `npm run build:wordpress`, which builds the bundle first.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const slug = 'industrikommun-widgets';
const pluginDir = join(root, 'integrations/wordpress', slug);
const assetsDir = join(pluginDir, 'assets');
const outDir = join(root, 'build/wordpress');

const fail = (message) => {
  console.error(`build:wordpress: ${message}`);
  process.exit(1);
};

const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
let sri;
try {
  sri = JSON.parse(readFileSync(join(root, 'dist/sri.json'), 'utf8'));
} catch {
  fail('dist/sri.json is missing: run `npm run build` first (or `npm run build:wordpress`, which does).');
}
const integrity = sri.integrity?.['industrikommun-widgets.js'];
if (!/^sha384-[A-Za-z0-9+/]+=*$/.test(integrity ?? '')) fail('dist/sri.json has no sha384 hash for industrikommun-widgets.js.');
if (sri.version != version) fail(`dist/ is version ${sri.version}, package.json ${version}: run \`npm run build\` again.`);

// The bundle and its hash, beside the PHP that reads them (assets/ is git-ignored).
rmSync(assetsDir, { recursive: true, force: true });
mkdirSync(assetsDir);
copyFileSync(join(root, 'dist/industrikommun-widgets.js'), join(assetsDir, 'industrikommun-widgets.js'));
writeFileSync(
  join(assetsDir, 'sri.json'),
  JSON.stringify({ version, integrity: { 'industrikommun-widgets.js': integrity } }, null, 2) + '\n',
);

/** Every file of the plugin, as zip entries under the plugin's folder name (what WordPress's upload expects). */
function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}
const entries = {};
for (const path of files(pluginDir)) {
  let bytes = readFileSync(path);
  const name = relative(pluginDir, path);
  // The plugin header's version is the package's, so that WordPress shows which bundle it carries.
  if (name == `${slug}.php`) bytes = Buffer.from(bytes.toString('utf8').replace(/^( \* Version:\s+).*$/m, `$1${version}`));
  entries[`${slug}/${name}`] = [new Uint8Array(bytes), { mtime: new Date('2020-01-01T00:00:00Z') }];
}

// PHP that does not parse would break the site it is installed on: check every file before zipping.
for (const name of Object.keys(entries).filter((name) => name.endsWith('.php'))) {
  try {
    execFileSync('php', ['-l', join(pluginDir, name.slice(slug.length + 1))], { stdio: 'pipe' });
  } catch (error) {
    if (error.code == 'ENOENT') {
      console.warn('build:wordpress: php not found, the PHP syntax check was skipped');
      break;
    }
    fail(`${name}: ${error.stdout}${error.stderr}`);
  }
}

mkdirSync(outDir, { recursive: true });
const zipPath = join(outDir, `${slug}-${version}.zip`);
writeFileSync(zipPath, zipSync(entries, { level: 9 }));
console.log(
  `${relative(root, zipPath)}: ${Object.keys(entries).length} files, ${(statSync(zipPath).size / 1024).toFixed(0)} kB, bundle ${integrity}`,
);
