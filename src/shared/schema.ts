/**
 * One definition per element of what its configuration may hold. The same
 * descriptor gives the TypeScript type (`Infer`), the runtime check (`clean`)
 * and, at build time, the JSON Schema (`scripts/json-schema.ts`).
 *
 * A hand-rolled descriptor instead of a schema library because every byte here
 * ships to every visitor: this file minifies to a few hundred bytes, while the
 * smallest library-based equivalent costs several times that.
 */

import { allLocales } from '../generated/locale-codes.js';
import type { Expected, FieldProblem, ValueType } from './config-problems.js';
import type { Lang } from './translate.js';
import { isEmail, isPhone, isSafeHref } from './url.js';

/** Per-language text: a plain string, or `{"sv": "…", "en": "…"}`. */
export type Text = string | Partial<Record<Lang, string>>;

export type Field =
  | { kind: 'text' }
  | { kind: 'string'; oneOf?: readonly string[]; pattern?: RegExp; hint?: string }
  | { kind: 'number' }
  | { kind: 'url'; scheme?: 'email' | 'phone' }
  | { kind: 'list'; of: Field }
  | { kind: 'object'; fields: Record<string, Field>; required?: readonly string[] };

export const text = { kind: 'text' } as const;
export const number = { kind: 'number' } as const;
export const string = <const T extends readonly string[]>(oneOf?: T, pattern?: RegExp, hint?: string) =>
  ({ kind: 'string', oneOf, pattern, hint }) as { kind: 'string'; oneOf?: T; pattern?: RegExp; hint?: string };
export const url = <const S extends 'email' | 'phone'>(scheme?: S) => ({ kind: 'url', scheme }) as const;
export const list = <const F extends Field>(of: F) => ({ kind: 'list', of }) as const;
export function object<const F extends Record<string, Field>>(fields: F): { kind: 'object'; fields: F; required?: readonly [] };
export function object<const F extends Record<string, Field>, const R extends readonly (keyof F & string)[]>(
  fields: F,
  required: R,
): { kind: 'object'; fields: F; required: R };
export function object(fields: Record<string, Field>, required?: readonly string[]): Extract<Field, { kind: 'object' }> {
  return { kind: 'object', fields, required };
}

type Simplify<T> = { [K in keyof T]: T[K] } & {};
type InferObject<F extends Record<string, Field>, R extends readonly string[]> = Simplify<
  { [K in keyof F as K extends R[number] ? K : never]: Infer<F[K]> } & {
    [K in keyof F as K extends R[number] ? never : K]?: Infer<F[K]>;
  }
>;

/** The TypeScript type that a descriptor accepts. */
export type Infer<F> = F extends { kind: 'text' }
  ? Text
  : F extends { kind: 'number' }
    ? number
    : F extends { kind: 'string'; oneOf?: infer O }
      ? O extends readonly string[]
        ? O[number]
        : string
      : F extends { kind: 'url' }
        ? string
        : F extends { kind: 'list'; of: infer I }
          ? Infer<I>[]
          : F extends { kind: 'object'; fields: infer P extends Record<string, Field>; required?: infer R }
            ? InferObject<P, R extends readonly string[] ? R : []>
            : never;

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value == 'object' && value !== null && !Array.isArray(value);

const typeName = (value: unknown): ValueType => (value === null ? 'null' : Array.isArray(value) ? 'list' : typeof value);

function cleanUrl(field: { scheme?: 'email' | 'phone' }, value: string, path: string, problems: FieldProblem[]) {
  const trimmed = value.trim();
  const ok =
    field.scheme == 'email' ? isEmail(trimmed.replace(/^mailto:/i, '')) : field.scheme == 'phone' ? isPhone(trimmed) : isSafeHref(trimmed);
  if (ok) return field.scheme == 'email' ? trimmed.replace(/^mailto:/i, '') : trimmed;
  problems.push({ code: 'unsafe-url', path, value: value.slice(0, 60), kind: field.scheme ?? 'link', warning: true });
  return undefined;
}

/**
 * Returns a copy of `value` that holds only the fields `field` describes, with
 * their types checked, or undefined when nothing of it is usable. Unknown keys
 * (and so `__proto__`, `constructor` and `prototype`) are never copied.
 * Problems are pushed onto `problems`. Required fields are checked only when
 * `complete` is set: each source may give only part, so they are checked
 * once, on the merged configuration.
 */
export function clean(field: Field, value: unknown, path: string, problems: FieldProblem[], complete?: boolean): unknown {
  const wrong = (expected: Expected, at = path, actual = value) => {
    problems.push({ code: 'wrong-type', path: at, expected, actual: typeName(actual) });
    return undefined;
  };
  switch (field.kind) {
    case 'text':
      if (typeof value == 'string') return value;
      if (isRecord(value) && Object.keys(value).length) {
        const out: Record<string, string> = {};
        for (const lang of allLocales) {
          if (typeof value[lang] == 'string') out[lang] = value[lang] as string;
          else if (lang in value) return wrong('text', `${path}.${lang}`, value[lang]);
        }
        if (Object.keys(out).length) return out;
      }
      return wrong('text-or-languages');
    case 'number':
      return typeof value == 'number' && isFinite(value) ? value : wrong('number');
    case 'string':
      if (typeof value != 'string') return wrong('text');
      if ((field.oneOf && !field.oneOf.includes(value)) || (field.pattern && !field.pattern.test(value))) {
        problems.push({ code: 'not-allowed', path, value: value.slice(0, 40), oneOf: field.oneOf, hint: field.hint });
        return undefined;
      }
      return value;
    case 'url':
      return typeof value == 'string' ? cleanUrl(field, value, path, problems) : wrong('text');
    case 'list':
      return Array.isArray(value)
        ? value.map((item, i) => clean(field.of, item, `${path}[${i}]`, problems, complete)).filter((item) => item !== undefined)
        : wrong('list');
    case 'object': {
      if (!isRecord(value)) return wrong('object');
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(field.fields)) {
        const at = path ? `${path}.${key}` : key;
        const cleaned = value[key] == null || value[key] === '' ? undefined : clean(field.fields[key], value[key], at, problems, complete);
        const required = field.required?.includes(key);
        if (cleaned !== undefined) out[key] = cleaned;
        // A phone whose number was dropped as unsafe goes with it, rather than break the card as "incomplete".
        else if (required && value[key] != null && problems.at(-1)?.warning) return undefined;
        else if (complete && required) problems.push({ code: 'required', path: at });
      }
      return out;
    }
  }
}
