import { render } from 'lit/html.js';
import type { CSSResult } from '@lit/reactive-element/css-tag.js';

/** How a reactive property meets its attribute: by the lower-cased name, another name, or none. */
export interface PropertyOptions {
  attribute?: string | false;
}

/** What `WidgetController` and the like hook into, as Lit's reactive controllers do. */
export interface Controller {
  hostConnected?(): void;
  hostDisconnected?(): void;
  hostUpdate?(): void;
}

type Properties = Record<string, PropertyOptions>;

/**
 * The base of our elements: reactive properties tied to attributes, batched
 * updates rendered by lit-html into an open shadow root, adopted styles, and
 * controllers. It is the part of LitElement these widgets use, written out
 * because LitElement's ReactiveElement costs about 2,100 B brotli in a bundle
 * whose budget for three elements, Lit and two languages is 12,288 B; this
 * costs about a fifth of that (BENCHMARKS.md has the figures). Templates,
 * directives, `css` and the render engine are Lit's own.
 *
 * @ignore
 */
export class IkElement extends HTMLElement {
  static styles: CSSResult[] = [];
  static properties: Properties = {};

  static get observedAttributes() {
    // Read once, when the tag is defined: the moment to install the property accessors too.
    const attributes = [];
    for (const [name, options] of Object.entries(this.properties)) {
      const attribute = options.attribute ?? name.toLowerCase();
      if (attribute) attributes.push(attribute);
      Object.defineProperty(this.prototype, name, {
        get(this: IkElement) {
          return this.#values[name];
        },
        set(this: IkElement, value: unknown) {
          if (value === this.#values[name]) return;
          this.#values[name] = value;
          this.requestUpdate();
        },
        configurable: true,
      });
    }
    return attributes;
  }

  /** The open shadow root the element renders into. */
  readonly renderRoot: ShadowRoot;
  #values: Record<string, unknown> = {};
  #controllers: Controller[] = [];
  #pending?: Promise<void>;

  constructor() {
    super();
    this.renderRoot = this.attachShadow({ mode: 'open' });
    const type = this.constructor as typeof IkElement;
    this.renderRoot.adoptedStyleSheets = type.styles.map((style) => style.styleSheet!);
    // A property set on the element before its tag was defined hides our accessor: move it behind it.
    for (const name of Object.keys(type.properties))
      if (Object.hasOwn(this, name)) {
        const value = (this as any)[name];
        delete (this as any)[name];
        (this as any)[name] = value;
      }
  }

  addController(controller: Controller) {
    this.#controllers.push(controller);
    if (this.isConnected) controller.hostConnected?.();
  }

  connectedCallback() {
    this.#controllers.forEach((controller) => controller.hostConnected?.());
    this.requestUpdate();
  }

  disconnectedCallback() {
    this.#controllers.forEach((controller) => controller.hostDisconnected?.());
  }

  attributeChangedCallback(attribute: string, _old: string | null, value: string | null) {
    const type = this.constructor as typeof IkElement;
    for (const [name, options] of Object.entries(type.properties))
      if ((options.attribute ?? name.toLowerCase()) == attribute) (this as any)[name] = value;
  }

  /** Renders again in a microtask; any number of calls before then make one render. */
  requestUpdate() {
    this.#pending ??= Promise.resolve().then(() => {
      this.#pending = undefined;
      if (!this.isConnected) return;
      this.#controllers.forEach((controller) => controller.hostUpdate?.());
      render(this.render(), this.renderRoot, { host: this });
    });
  }

  /** Resolves after the pending render; `true` when no other render was asked for meanwhile. */
  get updateComplete(): Promise<boolean> {
    return Promise.resolve(this.#pending).then(() => !this.#pending);
  }

  render(): unknown {
    return undefined;
  }
}
