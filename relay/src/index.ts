export { createRelay, type Relay, type RelayOptions } from './relay.js';
export { optionsFromEnv } from './config.js';
export { DEFAULT_LIMITS, DEFAULT_RETRY, type Limits, type LimitSpec, type Retry } from './store.js';
export { parseAllowedPages, isPageAllowed, type AllowedPage } from './pages.js';
export { clientKey, normaliseRecipient } from './keys.js';
export { validateShare, type Share, type Problem, type ProblemCode } from './validate.js';
export { MESSAGES, say, pluralCategory, type MessageKey, type Texts } from './messages.js';
export { ConfigError } from './config-error.js';
export { composeMail } from './mail.js';
