/**
 * The share form's wire format: what `<ik-share-form>` POSTs to its endpoint and what the relay accepts and
 * answers. The widgets, the relay, the JSON Schema script and the builder import it from here.
 */

/** The POST body, and the `detail` of `ik-share-submit` and `ik-share-success`. */
export interface SharePayload {
  /** The recipient's e-mail address. */
  to: string;
  /** The visitor's name. */
  name: string;
  /** The visitor's own e-mail address (the mail's Reply-To). */
  from: string;
  /** The visitor's message. */
  message: string;
  /** The shared page's address. */
  url: string;
  /** The shared page's title. */
  title: string;
  /** The form's language: any BCP 47 tag; the relay writes the mail in it when it speaks it, else in Swedish. */
  lang: string;
}

/** The body's fields, in the order of the form and of the POST body. */
export const SHARE_FIELDS = ['to', 'name', 'from', 'message', 'url', 'title', 'lang'] as const satisfies readonly (keyof SharePayload)[];

/** A field of the POST body. */
export type ShareField = (typeof SHARE_FIELDS)[number];

/** The fields a visitor types, in the form's order: the keys a `400`/`422` answer's `errors` names at the form's fields. */
export const VISITOR_FIELDS = ['to', 'name', 'from', 'message'] as const satisfies readonly ShareField[];

/** A field the visitor types. */
export type VisitorField = (typeof VISITOR_FIELDS)[number];

/** The longest message, in UTF-16 code units: on its own so that the widgets' bundle carries one number, not the table. */
export const MESSAGE_LIMIT = 500;

/**
 * The longest value of each field, in UTF-16 code units (JavaScript's `length`), after trimming. The form counts
 * the message's characters against the same number the relay enforces.
 */
export const FIELD_LIMITS = { to: 254, name: 100, from: 254, message: MESSAGE_LIMIT, url: 2000, title: 300 } as const satisfies Record<
  Exclude<ShareField, 'lang'>,
  number
>;

/** A `400`/`422` answer: a text per field (a visitor's field, or `url`, `title`, `lang` for the page's owner). */
export interface ShareErrorBody {
  errors: Partial<Record<ShareField, string>>;
  message?: string;
}

/** The `Idempotency-Key` header: a random id per message, the same on every retry of it and new once it is sent. */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

/** What the relay accepts as an `Idempotency-Key`: 1–200 characters, letters, digits and `- _ . :`. */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9._:-]{1,200}$/;

/** How long the relay remembers a key: a repeat within this time sends nothing and gets the first answer. */
export const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * A new random key for one message (128 bits, hex). `crypto.getRandomValues` rather than `randomUUID`: the
 * latter exists only on secure (https) pages.
 */
export const newIdempotencyKey = (): string =>
  Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
