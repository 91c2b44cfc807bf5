// ESLint for the elements, tests, end-to-end suite, demo and scripts. Formatting is Prettier's (eslint-config-prettier
// turns off the rules it owns); lit and wc catch template and custom-element mistakes that TypeScript cannot see.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'src/generated/', 'custom-elements.json', '**/node_modules/', '**/dist/', 'site/', '**/*.min.js', 'e2e/interop/apps/', 'integrations/wordpress/industrikommun-widgets/assets/', 'integrations/wordpress/industrikommun-widgets/blocks/editor.js', 'build/', 'relay-data/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      // Deliberate in a few places: values from JSON and from the host page are checked at run time instead.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'no-empty': ['error', { allowEmptyCatch: true }],
      // Global interface augmentation (`interface HTMLElementEventMap extends IkEventMap {}`) is how TypeScript adds events.
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
      // The relay and the tests look for control characters on purpose (header injection, bidi tricks).
      'no-control-regex': 'off',
    },
  },
  {
    files: ['src/**/*.ts', 'demo/**/*.ts', 'test/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    // Chai's property assertions (`expect(x).to.exist`) are expressions by design.
    files: ['test/**/*.ts', 'e2e/**/*.mjs'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off', '@typescript-eslint/no-this-alias': 'off' },
  },
  {
    files: ['src/**/*.ts'],
    ...wc.configs['flat/recommended'],
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      // Every UI string is translatable and explained to its translator (README, Adding or changing a translation).
      'no-restricted-syntax': [
        'error',
        { selector: 'CallExpression[callee.name="msg"]:not(:has(Property[key.name="id"]))', message: 'msg() needs an id: msg(…, {id, desc}).' },
        { selector: 'CallExpression[callee.name="msg"]:not(:has(Property[key.name="desc"]))', message: 'msg() needs a desc for the translator.' },
      ],
    },
  },
  {
    // The block editor's global, in the plugin's editor script and in the WordPress suite's page code.
    files: ['integrations/wordpress/**/*.{js,mjs}'],
    languageOptions: { globals: { wp: 'readonly' } },
  },
  prettier,
);
