/**
 * Custom Elements Manifest analyzer settings (`npm run build` runs the analyzer, which reads this
 * file). The plugin makes the manifest say what a consumer's tools need and nothing else:
 * - each event's `type` (`CustomEvent<…>` with the detail type the package exports);
 * - a `custom-element-definition` export per tag from the package's entry (the tags are defined
 *   through `defineOnce`, which the analyzer cannot follow), and none for `defineOnce` itself;
 * - only public members: private `#fields`, protected internals (`widget`) and Lit's static
 *   plumbing are left out, and so are the attributes of private state properties.
 */
const EVENT_TYPES = {
  'ik-config-error': 'CustomEvent<ConfigErrorDetail>',
  'ik-share-submit': 'CustomEvent<SharePayload>',
  'ik-share-success': 'CustomEvent<SharePayload>',
  'ik-share-error': 'CustomEvent<ShareErrorDetail>',
};
const ENTRY = 'src/index.ts';

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
          if (declaration.customElement && declaration.tagName)
            definitions.push({
              kind: 'custom-element-definition',
              name: declaration.tagName,
              declaration: { name: declaration.name, module: module.path },
            });
        }
      }
      const entry = manifest.modules.find((module) => module.path == ENTRY);
      if (!entry) throw new Error(`custom-elements-manifest.config.mjs: no module ${ENTRY}`);
      entry.exports = [...(entry.exports ?? []).filter((e) => e.kind != 'custom-element-definition'), ...definitions];
    },
  };
}

export default {
  plugins: [publicSurface()],
};
