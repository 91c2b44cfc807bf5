/**
 * The harness's first script on every test page (a same-origin classic script, so it runs under
 * any CSP the page has). It records what the page must never see, and gives the tests a few
 * helpers that run inside the page. It uses no Trusted Types sink.
 */
(() => {
  const probe = (window.__probe = {
    /** `securitypolicyviolation` events: "directive blocked-uri sample". */
    violations: [],
    /** Uncaught errors, and resources that failed to load. */
    errors: [],
    /** Unhandled promise rejections. */
    rejections: [],
    /** `ik-config-error` events: {tag, id, source, message}. */
    configErrors: [],
    /** Every `ik-*` event the page saw: {type, id, detail}. */
    events: [],
    /** Calls of alert/confirm/prompt/print and of the XSS canary: what an injected script would do. */
    executed: [],
  });
  document.addEventListener(
    'securitypolicyviolation',
    (event) => probe.violations.push(`${event.effectiveDirective} ${event.blockedURI} ${event.sample}`.trim()),
    true,
  );
  addEventListener(
    'error',
    (event) =>
      probe.errors.push(
        event instanceof ErrorEvent
          ? `${event.message} (${event.filename}:${event.lineno})`
          : `failed to load <${event.target?.localName}> ${event.target?.src || event.target?.href || ''}`,
      ),
    true,
  );
  addEventListener('unhandledrejection', (event) => probe.rejections.push(String(event.reason?.stack ?? event.reason)));
  const erroredElements = new WeakSet();
  document.addEventListener(
    'ik-config-error',
    (event) => {
      erroredElements.add(event.target);
      probe.configErrors.push({ tag: event.target.localName, id: event.target.id, ...event.detail });
    },
    true,
  );
  for (const type of ['ik-config-error', 'ik-share-submit', 'ik-share-success', 'ik-share-error'])
    document.addEventListener(type, (event) => probe.events.push({ type, id: event.target.id, detail: event.detail }), true);
  for (const name of ['alert', 'confirm', 'prompt', 'print'])
    window[name] = (...args) => void probe.executed.push(`${name}(${args.map(String).join(', ')})`);
  window.__xss = (...args) => void probe.executed.push(`__xss(${args.join(', ')})`);

  const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

  /** Every element under `root`, through nested shadow roots. */
  function* deep(root) {
    for (const element of root.querySelectorAll('*')) {
      yield element;
      if (element.shadowRoot) yield* deep(element.shadowRoot);
    }
  }

  /** 'card' (a valid card), 'fallback' (the light-DOM fallback through the default slot), or what else it is. */
  function state(element) {
    const root = element.shadowRoot;
    if (!root) return customElements.get(element.localName) ? 'no-shadow-root' : 'undefined-element';
    const card = root.querySelector('.card');
    const slot = root.querySelector('slot:not([name])');
    return card && !slot ? 'card' : slot && !card ? 'fallback' : card ? 'card+slot' : 'empty';
  }

  // Every tag the three elements' templates contain. Anything else in a shadow root came from a value parsed as HTML.
  const TEMPLATE_TAGS = new Set(
    'div h1 h2 h3 h4 h5 h6 p a button dl dt dd address br slot ul li strong b span bdi time form label input textarea'.split(' '),
  );
  const LINK_SCHEMES = new Set(['http:', 'https:', 'mailto:', 'tel:']);

  /**
   * What is wrong, security-wise, with what the element rendered: an element its templates do not
   * have, an event-handler or script-bearing attribute, or a link to a scheme other than
   * http(s), mailto and tel. An empty list when all is well.
   */
  function audit(element) {
    const problems = [];
    for (const node of element.shadowRoot ? deep(element.shadowRoot) : []) {
      if (!TEMPLATE_TAGS.has(node.localName)) problems.push(`unexpected <${node.localName}>`);
      for (const { name, value } of node.attributes) {
        if (
          /^on/i.test(name) ||
          ['src', 'srcdoc', 'style', 'action', 'formaction', 'xlink:href', 'background', 'data'].includes(name.toLowerCase())
        )
          problems.push(`<${node.localName} ${name}="${value.slice(0, 60)}">`);
        if (name == 'href') {
          let scheme;
          try {
            scheme = new URL(value, document.baseURI).protocol;
          } catch {
            scheme = 'unparsable';
          }
          if (!LINK_SCHEMES.has(scheme)) problems.push(`<${node.localName} href="${value.slice(0, 60)}"> (${scheme})`);
        }
      }
    }
    return problems;
  }

  window.__e2e = {
    audit,
    sleep,
    deep,
    state,
    /** Did this element dispatch `ik-config-error`? */
    errored: (element) => erroredElements.has(element),
    /** Waits for the element's definition and its last render. */
    async settle(element, timeout = 5000) {
      const defined = customElements.whenDefined(element.localName);
      if ((await Promise.race([defined.then(() => true), sleep(timeout)])) !== true) return false;
      for (let i = 0; i < 100 && !(await element.updateComplete); i++);
      return true;
    },
    /**
     * Waits until the element ends up as a card, or as the fallback with an `ik-config-error`:
     * the two outcomes the contract allows. Returns the state it ended in, or 'timeout: <state>'.
     */
    async outcome(element, timeout = 5000) {
      const start = performance.now();
      while (performance.now() - start < timeout) {
        if (element.updateComplete) await element.updateComplete;
        const now = state(element);
        if (now == 'card' || (now == 'fallback' && erroredElements.has(element))) return now;
        await sleep(10);
      }
      return `timeout: ${state(element)}`;
    },
    /** Waits for an `ik-*` event from the element with `id`; returns it, or null after `timeout`. */
    async event(type, id, timeout = 5000) {
      const found = () => probe.events.find((event) => event.type == type && event.id == id);
      await window.__e2e.until(found, timeout);
      return found() ?? null;
    },
    /** Polls `condition` every 10 ms; true when it held within `timeout`. */
    async until(condition, timeout = 5000) {
      const start = performance.now();
      while (performance.now() - start < timeout) {
        if (condition()) return true;
        await sleep(10);
      }
      return !!condition();
    },
    /** The text a visitor sees in the element's shadow root, white space folded. */
    text: (element) =>
      [...(element.shadowRoot?.children ?? [])]
        .map((child) => child.innerText ?? '')
        .join(' ')
        .replace(/\s+/g, ' ')
        .trim(),
    /** The element's visible text including slotted fallback content. */
    visibleText: (element) => element.innerText.replace(/\s+/g, ' ').trim(),
  };
})();
