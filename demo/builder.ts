/**
 * The snippet builder: a page of the editors' site where a CMS editor fills in a form and gets the exact snippet to
 * paste, with a live preview of the real elements in each language filled in, and a second tab that checks a
 * snippet the editor already has. `startBuilder(root)` renders it into `root`; demo/builder.html is the page, and
 * test/builder/ drives it in a browser.
 *
 * It is made of Lit elements (builder.app.ts holds the state; builder.form.ts, builder.fields.ts,
 * builder.web-team.ts, builder.preview.ts, builder.code.ts and builder.check-tab.ts show it), over plain functions:
 * the draft and the snippet (builder.snippet.ts), the state's changes (builder.state.ts), the check of a pasted
 * snippet (builder.check.ts), the fallback content (fallback-html.ts).
 */
import { Builder, type BuilderOptions } from './builder.app.js';

export { Builder, type BuilderOptions };

/** Renders the builder into `root`. */
export function startBuilder(root: HTMLElement, options: BuilderOptions = {}) {
  const builder = document.createElement('ik-builder');
  builder.start(root, options);
  return builder;
}
