import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createRelay } from 'industrikommun-share-relay';
import { defineConfig } from 'vite';
import { minifyLiterals } from './scripts/minify-literals.js';

const DEV_PORT = 5173;
const RELAY_DATA = 'relay-data';

export default defineConfig({
  root: '.',
  server: { open: false },
  plugins: [
    minifyLiterals(),
    {
      // `npm start` mounts the real share relay at /api/share, with its development default: each mail
      // is written to relay-data/outbox/*.eml. `/dev/relay-outbox` (this dev server only, never the
      // relay) lists the latest of those files for the demo page.
      name: 'ik-share-relay',
      async configureServer(server) {
        const relay = await createRelay({
          allowedPages: [`http://127.0.0.1:${DEV_PORT}`, `http://localhost:${DEV_PORT}`, 'https://www.example.se', 'https://www.trollhattan.se'],
          dataDir: RELAY_DATA,
          logger: 'warn',
        });
        server.httpServer?.once('close', () => void relay.close());
        server.middlewares.use((req, res, next) => {
          if (req.url === '/dev/relay-outbox') {
            void latestMails().then((mails) => {
              res.setHeader('Content-Type', 'application/json; charset=utf-8');
              res.end(JSON.stringify(mails));
            }, next);
          } else if (!relay.handle(req, res)) next();
        });
      },
    },
  ],
  build: {
    target: 'es2022',
    minify: true,
    outDir: 'dist',
    emptyOutDir: false,
    lib: {
      entry: 'src/index.ts',
      name: 'IndustrikommunWidgets',
      formats: ['es', 'iife'],
      fileName: (format) => (format == 'es' ? 'industrikommun-widgets.js' : 'industrikommun-widgets.iife.js'),
    },
    rolldownOptions: {
      output: { codeSplitting: false, minify: true },
    },
  },
});

/** The newest five mails the dev relay wrote, as raw text. */
async function latestMails() {
  const dir = join(RELAY_DATA, 'outbox');
  const names = (await readdir(dir).catch(() => [] as string[])).filter((name) => name.endsWith('.eml')).sort().slice(-5).reverse();
  return Promise.all(names.map(async (name) => ({ file: join(dir, name), text: await readFile(join(dir, name), 'utf8') })));
}
