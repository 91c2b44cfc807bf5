/** A setting that cannot work. Its message is the one line the bin prints; `setting` and `code` say what is wrong, for code to act on. */
export class ConfigError extends Error {
  constructor(
    /** the environment variable (or `RelayOptions` field) at fault, e.g. `ALLOWED_PAGES` */
    readonly setting: string,
    /** what is wrong with it: `missing`, `format`, `wildcard` … */
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}
