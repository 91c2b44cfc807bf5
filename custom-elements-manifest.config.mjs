import { readFileSync } from 'node:fs';
import { posix } from 'node:path';

/**
 * Custom Elements Manifest analyzer settings (`npm run build` runs the analyzer, which reads this
 * file). The plugin makes the manifest say what a consumer's tools need and nothing else:
 * - each event's `type` (`CustomEvent<…>` with the detail type the package exports);
 * - a `custom-element-definition` export per tag from the package's entry (the tags are defined
 *   through `defineOnce`, which the analyzer cannot follow), and none for `defineOnce` itself;
 * - only public members: private `#fields`, protected internals (`widget`) and Lit's static
 *   plumbing are left out, and so are the attributes of private state properties;
 * - each element's `config` typed with its own configuration type, not the base's `Partial<C>`;
 *   the base class `IkWidget`, which has no tag, not marked as a custom element;
 * - module paths that point at the declaration files the package ships (`dist/types/…d.ts`).
 */
const EVENT_TYPES = {
  'ik-config-error': 'CustomEvent<ConfigErrorDetail>',
  'ik-share-submit': 'CustomEvent<SharePayload>',
  'ik-share-success': 'CustomEvent<SharePayload>',
  'ik-share-error': 'CustomEvent<ShareErrorDetail>',
};
const ENTRY = 'src/index.ts';

/** Where a source module's declarations ship: `src/a/b.ts` (or `/src/a/b.js`) → `dist/types/a/b.d.ts` (tsconfig.build.json). */
const shipped = (path) =>
  path
    .replace(/^\//, '')
    .replace(/^src\//, 'dist/types/')
    .replace(/\.[jt]s$/, '.d.ts');

/** The configuration type an element gives its base (`extends IkWidget<ContactConfig>`), read from its source. */
const configType = (path) => /extends IkWidget<(\w+)>/.exec(readFileSync(path, 'utf8'))?.[1];

function publicSurface() {
  return {
    name: 'ik-public-surface',
    packageLinkPhase({ customElementsManifest: manifest }) {
      const definitions = [];
      for (const module of manifest.modules) {
        module.exports = (module.exports ?? []).filter((entry) => !(entry.kind == 'custom-element-definition' && module.path != ENTRY));
        for (const declaration of module.declarations ?? []) {
          // Lit state properties (private `_…` fields declared `state: true`) are no attributes.
          const hidden = new Set((declaration.members ?? []).filter((member) => member.privacy == 'private').map((member) => member.name));
          declaration.attributes &&= declaration.attributes.filter((attribute) => !hidden.has(attribute.fieldName));
          declaration.members &&= declaration.members.filter(
            (member) =>
              !member.name.startsWith('#') &&
              member.privacy != 'private' &&
              member.privacy != 'protected' &&
              !['widget', 'styles', 'properties', 'adoptedStyleSheets', 'renderRoot'].includes(member.name),
          );
          for (const event of declaration.events ?? []) {
            const type = EVENT_TYPES[/** @type {keyof typeof EVENT_TYPES} */ (event.name)];
            if (!type) throw new Error(`custom-elements-manifest.config.mjs: no type for the event ${event.name}`);
            event.type = { text: type };
          }
          if (declaration.customElement && declaration.tagName) {
            definitions.push({
              kind: 'custom-element-definition',
              name: declaration.tagName,
              declaration: { name: declaration.name, module: module.path },
            });
            // The base's `config?: Partial<C>` with the element's own C.
            const config = configType(module.path);
            if (!config) throw new Error(`custom-elements-manifest.config.mjs: ${module.path} does not extend IkWidget<…Config>`);
            for (const member of declaration.members ?? [])
              if (member.name == 'config') member.type = { text: `Partial<${config}> | undefined` };
          } else delete declaration.customElement; // A base class without a tag (IkWidget) is no custom element.
        }
      }
      const entry = manifest.modules.find((module) => module.path == ENTRY);
      if (!entry) throw new Error(`custom-elements-manifest.config.mjs: no module ${ENTRY}`);
      entry.exports = [...(entry.exports ?? []).filter((e) => e.kind != 'custom-element-definition'), ...definitions];
      // Every module path names the declaration file that ships in the package, not a source file that does not.
      for (const module of manifest.modules) {
        // A re-export names its module relative to the re-exporting one (`./share-form/share-form.js`).
        const relink = (reference) =>
          reference?.module &&
          (reference.module = shipped(
            reference.module.startsWith('.') ? posix.join(posix.dirname(module.path), reference.module) : reference.module,
          ));
        for (const declaration of module.declarations ?? []) {
          relink(declaration.superclass);
          for (const member of [...(declaration.members ?? []), ...(declaration.attributes ?? []), ...(declaration.events ?? [])])
            relink(member.inheritedFrom);
        }
        for (const exported of module.exports ?? []) relink(exported.declaration);
        module.path = shipped(module.path);
      }
    },
  };
}

export default {
  plugins: [publicSurface()],
};
