import { defineConfig } from 'vite';
import { minifyLiterals } from './scripts/minify-literals.js';
import { connectShareEndpoint } from './server/share-endpoint.js';

export default defineConfig({
  root: '.',
  server: { open: false },
  plugins: [
    minifyLiterals(),
    {
      // `npm start` gives the demo a working share endpoint whose outbox the page shows.
      name: 'ik-share-endpoint',
      configureServer(server) {
        server.middlewares.use(connectShareEndpoint());
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
