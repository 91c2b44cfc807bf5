#!/usr/bin/env node
/**
 * Builds the interoperability suite's host apps (`e2e/interop/apps/*`), each with its framework's
 * own tooling, from the package as npm publishes it:
 *
 * 1. `npm pack` of the repository (after `npm run build`), unpacked once;
 * 2. per app, `npm ci --prefer-offline` from its own committed lock file, skipped while the lock
 *    file is unchanged since the last install (a stamp in the app's node_modules), so a second run
 *    installs nothing and the first needs only the npm registry (or npm's cache);
 * 3. the unpacked package copied into the app's node_modules as `industrikommun-widgets`, which is
 *    what `npm install industrikommun-widgets-<version>.tgz` puts there (the package bundles Lit, so
 *    its own dependencies matter only to the TypeScript consumer, whose lock file has them);
 * 4. `npm run build` in the app (Vite; React's and Vue's server render; tsc).
 *
 * Run by `npm run test:e2e` before `node --test e2e/`; the interop tests call `prepareApps()`
 * too, which does the work once per process and reuses a build made by the same sources.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const appsDir = fileURLToPath(new URL('./apps/', import.meta.url));
export const APPS = /** @type {const} */ (['react', 'vue', 'lit', 'css', 'typescript']);
const cacheDir = join(repoRoot, 'node_modules/.cache/industrikommun-widgets/interop');

const quiet = { cwd: repoRoot, stdio: /** @type {const} */ (['ignore', 'pipe', 'pipe']), encoding: /** @type {const} */ ('utf8') };

/** The unpacked package (after `prepareApps()`). */
export const packageDir = () => join(cacheDir, 'package');

/** Runs a command; on failure throws with its output, so that a CI log says what broke. */
function run(command, args, cwd, env = {}) {
  try {
    return execFileSync(command, args, { ...quiet, cwd, env: { ...process.env, ...env } });
  } catch (error) {
    const { stdout = '', stderr = '' } = /** @type {any} */ (error);
    throw new Error(`${command} ${args.join(' ')} (in ${cwd}) failed:\n${stdout}\n${stderr}`, { cause: error });
  }
}

/** A hash of files' contents (directories recursively, node_modules and build output left out). */
function hashOf(paths) {
  const hash = createHash('sha256');
  const visit = (path) => {
    if (!existsSync(path)) return;
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path).sort()) if (!['node_modules', 'dist', 'dist-server'].includes(name)) visit(join(path, name));
    } else hash.update(path).update(readFileSync(path));
  };
  paths.forEach(visit);
  return hash.digest('hex');
}

/** Packs the repository and unpacks the tarball; returns the unpacked package's directory. */
function pack() {
  if (!existsSync(join(repoRoot, 'dist/industrikommun-widgets.js'))) throw new Error('dist/ is missing: run `npm run build` first');
  rmSync(cacheDir, { recursive: true, force: true });
  mkdirSync(cacheDir, { recursive: true });
  const [{ filename }] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', cacheDir], repoRoot));
  run('tar', ['-xzf', join(cacheDir, filename), '-C', cacheDir], repoRoot);
  return packageDir();
}

/** A hash of what `npm pack` would publish now, and of every app's sources and lock file. */
function inputsHash() {
  const [{ files }] = JSON.parse(run('npm', ['pack', '--dry-run', '--json'], repoRoot));
  const hash = createHash('sha256').update(hashOf(files.map((/** @type {{path: string}} */ file) => join(repoRoot, file.path)).sort()));
  for (const app of APPS) hash.update(hashOf([join(appsDir, app)]));
  return hash.digest('hex');
}

let prepared;
/**
 * Packs, installs and builds every app (once per process); returns `{app: its built directory}`.
 * An app whose build failed has its Error instead.
 * @returns {Promise<Record<(typeof APPS)[number], string | Error>>}
 */
export function prepareApps() {
  prepared ??= (async () => {
    const started = Date.now();
    // A test file run after `node e2e/interop/prepare.mjs` reuses its work when nothing has changed since.
    const inputs = process.env.IK_INTEROP_APPS ? undefined : inputsHash();
    const readyFile = join(cacheDir, 'ready.json');
    if (inputs && existsSync(readyFile)) {
      const ready = JSON.parse(readFileSync(readyFile, 'utf8'));
      if (ready.inputs == inputs)
        return Object.fromEntries(
          Object.entries(ready.apps).map(([app, result]) => [app, result.error ? new Error(result.error) : result.dir]),
        );
    }
    const packageDir = pack();
    const packageHash = hashOf([packageDir]);
    const out = /** @type {Record<string, string | Error>} */ ({});
    const timings = [`pack ${((Date.now() - started) / 1000).toFixed(1)} s`];
    // `IK_INTEROP_APPS=css,lit` builds only those (while working on one test file).
    const wanted = process.env.IK_INTEROP_APPS?.split(',');
    for (const app of APPS) {
      if (wanted && !wanted.includes(app)) {
        out[app] = new Error(`${app} was not built: IK_INTEROP_APPS=${process.env.IK_INTEROP_APPS}`);
        continue;
      }
      const appStarted = Date.now();
      const dir = join(appsDir, app);
      const lockHash = hashOf([join(dir, 'package-lock.json')]);
      const installStamp = join(dir, 'node_modules/.ik-installed');
      if (!existsSync(installStamp) || readFileSync(installStamp, 'utf8') != lockHash) {
        run('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], dir);
        writeFileSync(installStamp, lockHash);
      }
      // A build of these very sources and this very package is reused.
      const buildHash = createHash('sha256')
        .update(packageHash)
        .update(lockHash)
        .update(hashOf([dir]))
        .digest('hex');
      const buildStamp = join(dir, 'node_modules/.ik-built');
      if (!existsSync(buildStamp) || readFileSync(buildStamp, 'utf8') != buildHash) {
        const installed = join(dir, 'node_modules/industrikommun-widgets');
        rmSync(installed, { recursive: true, force: true });
        cpSync(packageDir, installed, { recursive: true });
        rmSync(buildStamp, { force: true });
        try {
          run('npm', ['run', 'build', '--silent'], dir);
        } catch (error) {
          // One app that does not build fails its own tests (with this output), not the others'.
          out[app] = /** @type {Error} */ (error);
          continue;
        }
        writeFileSync(buildStamp, buildHash);
      }
      out[app] = join(dir, 'dist');
      timings.push(`${app} ${((Date.now() - appStarted) / 1000).toFixed(1)} s`);
    }
    if (inputs)
      writeFileSync(
        readyFile,
        JSON.stringify({
          inputs,
          apps: Object.fromEntries(
            Object.entries(out).map(([app, result]) => [app, result instanceof Error ? { error: result.message } : { dir: result }]),
          ),
        }),
      );
    if (process.env.IK_INTEROP_VERBOSE)
      console.log(`# interop apps ready in ${((Date.now() - started) / 1000).toFixed(1)} s (${timings.join(', ')})`);
    return out;
  })();
  return prepared;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const started = Date.now();
  const apps = await prepareApps();
  for (const [app, result] of Object.entries(apps)) if (result instanceof Error) console.log(`# ${app}: ${result.message}`);
  console.log(`Interop apps packed, installed and built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
