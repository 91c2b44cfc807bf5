import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

export default defineConfig({
  base: './',
  // The widgets are custom elements, not Vue components (docs/frameworks.md).
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('ik-') } } })],
  build: {
    target: 'es2022',
    rolldownOptions: { input: ['client.html', 'hydrate.html', 'late.html'] },
  },
});
