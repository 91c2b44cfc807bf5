import { defineConfig } from 'vite';
import { minifyLiterals } from './scripts/minify-literals.js';

/** The library build: the ES module and the classic script (`npm run build`). `npm start` serves vite.site.config.ts. */
export default defineConfig({
  root: '.',
  server: { open: false },
  plugins: [minifyLiterals()],
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
      // `comments.annotation: false`: the bundle is the end of the line, so no later tool reads its `/* @__PURE__ */`
      // marks (17 of them, about 255 B minified).
      // `mangleProps`: properties named `_…` are private to our classes (the share form's state), as in Lit's own build.
      output: {
        codeSplitting: false,
        minify: { compress: true, mangle: true, codegen: true, mangleProps: { include: /^_[a-z]/ } },
        comments: { annotation: false },
      },
      // @lit/localize's entry re-exports its whole runtime (the global locale, the decorator) and declares no
      // `sideEffects`; its modules have none, so the bundle keeps only the `str` tag that the generated locale uses.
      treeshake: { moduleSideEffects: (id) => !/node_modules\/@lit\/localize\//.test(id) },
    },
  },
});
