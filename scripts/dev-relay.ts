import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createRelay } from 'industrikommun-share-relay';
import type { Plugin } from 'vite';

const DEV_PORT = 5173;
const RELAY_DATA = 'relay-data';

/**
 * `npm start` mounts the real share relay at /api/share, with its development default: each mail is written to
 * relay-data/outbox/*.eml. `/dev/relay-outbox` (this dev server only, never the relay) lists the latest of those
 * files. Only the dev server has it: the built site is static, and its share form uses the visitor's mail program.
 */
export function devRelay(): Plugin {
  return {
    name: 'ik-share-relay',
    apply: 'serve',
    async configureServer(server) {
      const relay = await createRelay({
        allowedPages: [
          `http://127.0.0.1:${DEV_PORT}`,
          `http://localhost:${DEV_PORT}`,
          'https://www.example.se',
          'https://www.trollhattan.se',
        ],
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
  };
}

/** The newest five mails the dev relay wrote, as raw text. */
async function latestMails() {
  const dir = join(RELAY_DATA, 'outbox');
  const names = (await readdir(dir).catch(() => [] as string[]))
    .filter((name) => name.endsWith('.eml'))
    .sort()
    .slice(-5)
    .reverse();
  return Promise.all(names.map(async (name) => ({ file: join(dir, name), text: await readFile(join(dir, name), 'utf8') })));
}
