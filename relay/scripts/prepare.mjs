// `prepare`: builds dist/ (the contract into dist/contract, then the relay) when TypeScript is there.
// `npm install --omit=dev` in a checkout has no TypeScript (a dev dependency): then it says what to do
// and succeeds, rather than failing on `tsc: not found`. The packed package carries dist/ and never runs this.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const here = new URL('..', import.meta.url);
let tsc;
try {
  tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
} catch {
  process.stderr.write(
    'industrikommun-share-relay: TypeScript is not installed (dev dependencies were left out), so dist/ is not built here. ' +
      'Build with `npm ci` at the repository root, or install the packed package: see README.md, "Install".\n',
  );
  process.exit(0);
}
const run = (...args) => execFileSync(process.execPath, [tsc, ...args], { cwd: here, stdio: 'inherit' });
if (existsSync(new URL('../src/contract/tsconfig.json', here))) run('-p', '../src/contract/tsconfig.json', '--outDir', 'dist/contract');
else if (!existsSync(new URL('dist/contract/index.js', here)))
  throw new Error('the contract (../src/contract) is missing: build the relay from a checkout of the whole repository');
run('-p', 'tsconfig.json');
