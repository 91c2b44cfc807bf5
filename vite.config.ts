import { minify } from 'terser';
import { defineConfig, type Plugin } from 'vite';
import { minifyLiterals } from './scripts/minify-literals.js';

/** The library build: the ES module and the classic script (`npm run build`). `npm start` serves vite.site.config.ts. */
export default defineConfig({
  root: '.',
  server: { open: false },
  plugins: [minifyLiterals(), terserPass()],
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

/**
 * One more pass over each finished bundle with Terser (two compress passes), after the built-in minifier: 180 B
 * brotli smaller on the ES module (measured 2026-12-04), which the language loader of issue 18 needed. Terser as
 * Vite's own minifier did less here (it keeps annotations in library builds). `_…` properties were already
 * renamed by the first pass.
 */
function terserPass(): Plugin {
  return {
    name: 'ik:terser-pass',
    apply: 'build',
    enforce: 'post',
    async generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type != 'chunk') continue;
        const result = await minify(file.code, {
          module: file.fileName.endsWith('.iife.js') ? false : true,
          ecma: 2020,
          compress: { passes: 2 },
          format: { comments: false },
        });
        file.code = result.code ?? file.code;
      }
    },
  };
}
