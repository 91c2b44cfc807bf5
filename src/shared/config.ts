/**
 * The configuration rules, with no DOM and no side effects: sources merged
 * field by field, each checked on its own so that a problem names its source.
 * The elements (through `WidgetController`), the snippet builder and the JSON
 * Schema tests all use this one module.
 */
import type { ConfigProblem, FieldProblem } from './config-problems.js';
import { parseJson } from './json.js';
import { clean, isRecord, type Field } from './schema.js';

type ObjectField = Extract<Field, { kind: 'object' }>;

export interface WidgetSpec<C> {
  schema: ObjectField;
  /** Built-in defaults, the first and weakest source. */
  defaults?: Partial<C>;
  /** The element's plain attributes as a partial configuration. */
  fromAttributes?: (host: any) => unknown;
  /** A rule across fields; returns what is wrong, or nothing. */
  check?: (config: C) => FieldProblem | undefined;
}

/** Detail of the `ik-config-error` event: the source that holds the error, the error in English, and its code. */
export interface ConfigErrorDetail {
  source: string;
  message: string;
  code: ConfigProblem['code'];
}

/** Objects merge by key; anything else (arrays included) replaces. */
export function merge(base: unknown, over: unknown): unknown {
  if (over === undefined) return base;
  if (!isRecord(base) || !isRecord(over)) return over;
  const out: Record<string, unknown> = { ...base };
  for (const key of Object.keys(over)) out[key] = merge(base[key], over[key]);
  return out;
}

/** A source of configuration for `validateConfig`: its name, its value, and whether the value is JSON text. */
export interface ConfigSource {
  name: string;
  value: unknown;
  json?: boolean;
}

/**
 * What `validateConfig` finds: every problem, in the order the sources are read (within a source, warnings
 * first); the sources merged, which is the configuration to use when no problem is an error; the heading level.
 */
export interface Validation<C> {
  merged: C;
  problems: ConfigProblem[];
  level: number;
}

/**
 * Checks each source (weakest first) on its own, so that every problem names
 * the source that holds it, then merges them and checks the required fields
 * and the element's own rule on the result. No side effects: the element
 * reports the first error, the snippet builder lists them all.
 */
export function validateConfig<C>(
  spec: WidgetSpec<C>,
  sources: ConfigSource[],
  headingLevel?: unknown,
  /** The `heading-level` attribute as written, for the message when it is no number. */
  headingText?: string | null,
): Validation<C> {
  let merged: unknown = spec.defaults ?? {};
  // Set once a source is not JSON at all: the merged checks would then only repeat that something is missing.
  let unreadable = false;
  const problems: ConfigProblem[] = [];
  const given: string[] = [];
  for (const { name: source, value: sourceValue, json } of sources) {
    let value = sourceValue;
    if (value == null) continue;
    given.push(source);
    if (json) {
      const parsed = parseJson(value as string);
      if (parsed.error) {
        problems.push({ ...parsed.error, source, path: '' });
        unreadable = true;
        continue;
      }
      value = parsed.value;
    }
    const found: FieldProblem[] = [];
    merged = merge(merged, clean(spec.schema, value, '', found));
    for (const problem of found.sort((a, b) => +!a.warning - +!b.warning)) problems.push({ ...problem, source });
  }
  const level = headingLevel == null ? 2 : +headingLevel;
  if (!(level >= 1 && level <= 6 && level % 1 == 0))
    problems.push({ code: 'heading-level', source: 'heading-level', path: '', value: `${headingText ?? headingLevel}` });
  // Required fields are checked once all sources are merged, against the source names that were given.
  if (!unreadable) {
    const found: FieldProblem[] = [];
    clean(spec.schema, merged, '', found, true);
    const rule = found[0] ? undefined : spec.check?.(merged as C);
    const missing = rule ? [rule] : found;
    if (!given[0] && missing[0]) problems.push({ code: 'none-given', source: 'configuration', path: '', missing: missing[0] });
    else for (const problem of missing) problems.push({ ...problem, source: given.join(' + ') });
  }
  return { merged: merged as C, problems, level };
}
