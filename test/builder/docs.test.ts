import { expect } from '@open-wc/testing';
import { checkSnippet } from '../../demo/builder.check.js';

/**
 * The editor's guides show snippets to copy: each must pass the same check
 * the builder runs. (A data-config-src on an example domain cannot be loaded
 * from here, so that one error is allowed.)
 */
for (const guide of ['guide.sv.md', 'guide.en.md'])
  describe(`docs/${guide}`, () => {
    it('has only snippets that the elements accept', async () => {
      const text = await (await fetch(`/docs/${guide}`)).text();
      const snippets = [...text.matchAll(/```html\n([\s\S]*?)```/g)].map((match) => match[1]).filter((snippet) => snippet.includes('<ik-'));
      expect(snippets.length).to.be.greaterThan(3);
      for (const snippet of snippets) {
        const report = await checkSnippet(snippet);
        const errors = report.elements.flatMap((element) => element.findings.filter((finding) => finding.level == 'error'));
        const unexpected = errors.filter((finding) => !/^could not load https:\/\/www\.example\.se\//.test(finding.element?.message ?? ''));
        expect(
          unexpected.map((finding) => finding.element?.message),
          snippet,
        ).to.deep.equal([]);
        expect(
          report.elements.flatMap((element) => element.findings.filter((finding) => finding.level == 'warning')),
          snippet,
        ).to.deep.equal([]);
      }
    });
  });
