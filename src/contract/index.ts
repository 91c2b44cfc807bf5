/** The contract shared by the widgets, the relay, the builder and the schema script: one place for each wire rule. */
export * from './languages.js';
export * from './share.js';
