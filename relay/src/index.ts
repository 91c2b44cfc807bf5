export { createRelay, type Relay, type RelayOptions } from './relay.js';
export { optionsFromEnv, ConfigError } from './config.js';
export { DEFAULT_LIMITS, DEFAULT_RETRY, type Limits, type LimitSpec, type Retry } from './store.js';
export { parseAllowedPages, isPageAllowed, type AllowedPage } from './pages.js';
export { clientKey, normaliseRecipient } from './keys.js';
export { validateShare, type Share } from './validate.js';
export { composeMail } from './mail.js';
