/**
 * What `import 'industrikommun-widgets'` gives in Node, as a framework's server render imports it
 * (package.json's "node" condition): nothing is defined and nothing touches the DOM, which Node does
 * not have. The elements define themselves when the browser loads `dist/industrikommun-widgets.js`;
 * until then the server's HTML shows each element's fallback content. The element classes exist
 * only in the browser, so their names are `undefined` here.
 */
export const IkContactCard = undefined;
export const IkManifestoCard = undefined;
export const IkShareForm = undefined;
