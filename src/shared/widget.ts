import { LitElement, type PropertyDeclarations, type PropertyValues } from 'lit';
import type { WidgetController } from './config-controller.js';
import { speaking } from './translate.js';

/**
 * The thin base of the three widgets: the properties they all have, their
 * language, and the rule that every `msg()` in a render speaks the element's
 * own language (`speaking`). Each element gives its configuration rules to a
 * `WidgetController`, which reads these properties.
 */
export abstract class IkWidget<C> extends LitElement {
  /** The element's own `lang` is watched too: an ancestor's is caught by `watchLang`'s observers. */
  static override get observedAttributes() {
    return [...super.observedAttributes, 'lang'];
  }

  static override properties: PropertyDeclarations = {
    headingLevel: { attribute: 'heading-level', type: Number },
    dataConfig: { attribute: 'data-config' },
    dataConfigSrc: { attribute: 'data-config-src' },
    config: { attribute: false },
  };

  /** Level of the heading, 1–6 (attribute `heading-level`), so that it fits the host page's outline; default 2. */
  declare headingLevel?: number | null;
  /** JSON configuration (attribute `data-config`). */
  declare dataConfig?: string | null;
  /** Address of a JSON configuration file, fetched once (attribute `data-config-src`). */
  declare dataConfigSrc?: string | null;
  /** Configuration from script; wins over every other source. Changed in place, it needs `requestUpdate()`. */
  declare config?: Partial<C>;

  /** The configuration and language of this element. @internal */
  protected abstract readonly widget: WidgetController<C>;

  override attributeChangedCallback(name: string, old: string | null, value: string | null) {
    super.attributeChangedCallback(name, old, value);
    if (name == 'lang') this.requestUpdate();
  }

  protected override update(changed: PropertyValues) {
    speaking(this.widget.lang, () => super.update(changed));
  }
}
