/**
 * Bugs this suite has found in the elements and that are not fixed yet, each with where it lives
 * and how to fix it. A test marked with one (`{todo: knownBug(key)}`) still runs and prints its
 * failure, as a TODO, without failing the run. Delete the entry when the fix lands: the test then
 * guards it. `E2E_STRICT=1` makes every one of them fail the run.
 */
export const KNOWN_BUGS = {
  'inherited-text':
    'src/shared/styles.ts: inherited text properties that the widgets do not mean to take from the page (text-transform, letter-spacing, word-spacing, white-space, text-indent, text-align, text-shadow) come through from a page rule on body or *; fix: reset them on .card',
  'lang-of-parts':
    'src/*/…ts: under lang="de" (or any tag the widget does not speak) the card renders Swedish text with no lang of its own, so it is announced as German; fix: lang=${this.widget.lang} on each .card',
  'unsafe-phone':
    'src/contact-card/contact-card.config.ts + src/shared/schema.ts: a phone number that is not one ("javascript:alert(1)", "ring mig", or the phone attribute) is "left out" with a warning, and then "person.phones[0].number is required" sends the whole card to its fallback with an error; the contract says unsafe values are dropped with a warning. Fix: drop the list item whose required field was dropped (or do not require number)',
};

/** The description of a known bug, or undefined under E2E_STRICT=1. @param {keyof typeof KNOWN_BUGS} key */
export const knownBug = (key) => (process.env.E2E_STRICT ? undefined : `known bug: ${KNOWN_BUGS[key]}`);
