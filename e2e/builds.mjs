/**
 * Extra bundles some tests load next to `dist/`, built with Vite (a dev dependency already) into
 * a temporary directory:
 * - `buildVariant`: today's sources with one visible change, as "another version" of the bundle;
 * - `buildCommit`: the bundle as an earlier commit built it, a real older version;
 * - `buildForeignLit2`: an unrelated custom element made with Lit 2 (the `lit2` alias), as another
 *   team's widget on the same page would be.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';
import { temporaryDir } from './harness.mjs';
import { repoRoot } from './server.mjs';

/**
 * Today's sources built with the repository's own Vite config, with `transform` applied to each
 * source file first. Returns the output directory (both bundles, as in `dist/`).
 * @param {(code: string, id: string) => string} transform
 */
export async function buildVariant(transform) {
  const outDir = temporaryDir('variant');
  await build({
    configFile: join(repoRoot, 'vite.config.ts'),
    root: repoRoot,
    logLevel: 'silent',
    build: { outDir, emptyOutDir: true },
    plugins: [{ name: 'e2e-variant', enforce: 'pre', transform: (code, id) => (id.includes('/src/') ? transform(code, id) : null) }],
  });
  return outDir;
}

/**
 * The bundle as commit `commit` built it, from `git archive` (nothing in the working tree is
 * touched), or undefined with the reason when git or that commit is not at hand (a shallow clone).
 * @param {string} commit
 * @returns {Promise<{dir: string} | {skip: string}>}
 */
export async function buildCommit(commit) {
  try {
    execFileSync('git', ['-C', repoRoot, 'cat-file', '-e', `${commit}^{commit}`], { stdio: 'ignore' });
  } catch {
    return { skip: `commit ${commit} is not in this clone (shallow?)` };
  }
  const source = temporaryDir(`commit-${commit}`);
  const archive = execFileSync('git', [
    '-C',
    repoRoot,
    'archive',
    '--format=tar',
    commit,
    'src',
    'scripts',
    'vite.config.ts',
    'package.json',
  ]);
  execFileSync('tar', ['-x', '-C', source], { input: archive });
  symlinkSync(join(repoRoot, 'node_modules'), join(source, 'node_modules'), 'dir');
  const outDir = join(source, 'out');
  mkdirSync(outDir);
  await build({ configFile: join(source, 'vite.config.ts'), root: source, logLevel: 'silent', build: { outDir, emptyOutDir: true } });
  if (!readdirSync(outDir).includes('industrikommun-widgets.js')) return { skip: `commit ${commit} built no industrikommun-widgets.js` };
  return { dir: outDir };
}

/**
 * `<foreign-greeting name="…">`: a Lit 2 element, as an ES module and a classic script.
 * Returns the output directory (`foreign-lit2.js`, `foreign-lit2.iife.js`).
 */
export async function buildForeignLit2() {
  const dir = temporaryDir('lit2');
  const entry = join(dir, 'foreign-lit2.src.js');
  // The entry must resolve `lit2` from the repository's node_modules: it is written next to a link to them.
  symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  writeFileSync(
    entry,
    `import { LitElement, html, css } from 'lit2';
class ForeignGreeting extends LitElement {
  static properties = { name: {} };
  static styles = css\`p { border: 2px solid green; }\`;
  constructor() { super(); this.name = 'world'; this.clicks = 0; }
  render() {
    return html\`<p class="foreign">Hello \${this.name}, from Lit \${window.litHtmlVersions?.find((v) => v.startsWith('2.')) ?? '?'}</p>
      <button @click=\${() => { this.clicks++; this.requestUpdate(); }}>clicked \${this.clicks}</button>\`;
  }
}
customElements.define('foreign-greeting', ForeignGreeting);
`,
  );
  const outDir = join(dir, 'out');
  await build({
    configFile: false,
    root: dir,
    logLevel: 'silent',
    build: {
      outDir,
      emptyOutDir: true,
      minify: true,
      lib: {
        entry,
        name: 'ForeignLit2',
        formats: ['es', 'iife'],
        fileName: (format) => (format == 'es' ? 'foreign-lit2.js' : 'foreign-lit2.iife.js'),
      },
    },
  });
  if (!existsSync(join(outDir, 'foreign-lit2.js'))) throw new Error('the Lit 2 element did not build');
  return outDir;
}
