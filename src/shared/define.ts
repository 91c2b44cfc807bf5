/**
 * Defines a tag unless something already has. A page may load this bundle
 * twice (an ES module and the classic script, or two versions): the first
 * definition stays and the later ones do nothing, rather than throw.
 */
export function defineOnce(tag: string, element: CustomElementConstructor): void {
  try {
    if (!customElements.get(tag)) customElements.define(tag, element);
  } catch {
    // Another copy won a race, or the registry refused this class: the tag works either way.
  }
}
