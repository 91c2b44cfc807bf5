import { expect } from '@open-wc/testing';
import { captureConsole } from '../helpers.js';
import { mountBuilder } from './helpers.js';

/** Every console method a page could write with. */
const METHODS = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;

describe('snippet builder: the console', () => {
  it('a fresh builder logs nothing, in either language, in either tab', async () => {
    const logged: string[] = [];
    const original = METHODS.map((method) => console[method]);
    METHODS.forEach((method) => (console[method] = (...args: unknown[]) => logged.push(`${method}: ${args.join(' ')}`)));
    try {
      for (const lang of ['sv', 'en'] as const) {
        const builder = await mountBuilder(undefined, lang);
        builder.setTab('check');
        builder.setTab('build');
        await builder.settled();
        // Long enough for any element's own start-up (a configuration check, a fetch) to have said something.
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
    } finally {
      METHODS.forEach((method, index) => (console[method] = original[index]));
    }
    expect(logged).to.deep.equal([]);
  });

  it('the check of a data-config-src that never answers is the element’s own: it gives up after 15 s, as the element does', async function () {
    this.timeout(40000);
    const src = '/test-http/slow?ms=20000&body=%7B%7D';
    const builder = await mountBuilder();
    builder.setTab('check');
    builder.checkText = `<ik-manifesto-card data-config-src="${src}"><p>Manifest</p></ik-manifesto-card>`;
    const { errors } = await captureConsole(async () => {
      const element = document.createElement('ik-manifesto-card');
      element.setAttribute('data-config-src', src);
      const failed = new Promise((resolve) => element.addEventListener('ik-config-error', resolve, { once: true }));
      document.body.append(element);
      await Promise.all([builder.check(), failed]);
      element.remove();
    });
    const listed = [...builder.root.querySelectorAll('.report .finding code')].map((code) => code.textContent!.trim());
    expect(listed).to.deep.equal([errors[0].replace('<ik-manifesto-card> ', '')]);
    expect(listed[0]).to.contain('no answer within 15 s');
  });
});
