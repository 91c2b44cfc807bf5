/**
 * The configuration rules, with no DOM and no side effects: sources merged
 * field by field, each checked on its own so that a problem names its source.
 * The elements (through `WidgetController`), the snippet builder and the JSON
 * Schema tests all use this one module.
 */
import { parseJson } from './json.js';
import { clean, isRecord, type Field, type Issue } from './schema.js';

type ObjectField = Extract<Field, { kind: 'object' }>;

export interface WidgetSpec<C> {
  schema: ObjectField;
  /** Built-in defaults, the first and weakest source. */
  defaults?: Partial<C>;
  /** The element's plain attributes as a partial configuration. */
  fromAttributes?: (host: any) => unknown;
  /** A rule across fields; returns what is wrong, or nothing. */
  check?: (config: C) => string | undefined;
}

/** Detail of the `ik-config-error` event. */
export interface ConfigErrorDetail {
  source: string;
  message: string;
}

/** Objects merge by key; anything else (arrays included) replaces. */
export function merge(base: unknown, over: unknown): unknown {
  if (over === undefined) return base;
  if (!isRecord(base) || !isRecord(over)) return over;
  const out: Record<string, unknown> = { ...base };
  for (const key of Object.keys(over)) out[key] = merge(base[key], over[key]);
  return out;
}

/**
 * One thing wrong with a configuration: the source that holds it, what is
 * wrong, and whether it is only a warning (the value was dropped and the
 * element still renders).
 */
export type Problem = [source: string, message: string, warning?: boolean];

/**
 * What `validateConfig` finds: every problem, in the order the sources are read (within a source, warnings
 * first); the sources merged, which is the configuration to use when no problem is an error; the heading level.
 * A tuple rather than an object: its names cost nothing in the bundle.
 */
export type Validation<C> = [merged: C, problems: Problem[], level: number];

const describeIssue = (issue: Issue) => `${issue.path ? `"${issue.path}" ` : ''}${issue.message}`;

/**
 * Checks each source (`[name, value, isJson]`, weakest first) on its own, so
 * that every problem names the source that holds it, then merges them and
 * checks the required fields and the element's own rule on the result. No
 * side effects: the element reports the first error, the snippet builder
 * lists them all.
 */
export function validateConfig<C>(
  spec: WidgetSpec<C>,
  sources: [string, unknown, boolean?][],
  headingLevel?: unknown,
  /** The `heading-level` attribute as written, for the message when it is no number. */
  headingText?: string | null,
): Validation<C> {
  let merged: unknown = spec.defaults ?? {};
  // Set once a source is not JSON at all: the merged checks would then only repeat that something is missing.
  let unreadable = false;
  const problems: Problem[] = [];
  const given: string[] = [];
  for (const [source, sourceValue, json] of sources) {
    let value = sourceValue;
    if (value == null) continue;
    given.push(source);
    if (json) {
      const parsed = parseJson(value as string);
      if (parsed.error) {
        problems.push([source, parsed.error]);
        unreadable = true;
        continue;
      }
      value = parsed.value;
    }
    const issues: Issue[] = [];
    merged = merge(merged, clean(spec.schema, value, '', issues));
    for (const issue of issues.sort((a, b) => +!a.warning - +!b.warning)) problems.push([source, describeIssue(issue), issue.warning]);
  }
  const level = headingLevel == null ? 2 : +headingLevel;
  if (!(level >= 1 && level <= 6 && level % 1 == 0))
    problems.push(['heading-level', `must be a whole number from 1 to 6, not "${headingText ?? headingLevel}"`]);
  // Required fields are checked once all sources are merged, against the source names that were given.
  if (!unreadable) {
    const issues: Issue[] = [];
    clean(spec.schema, merged, '', issues, true);
    const rule = issues[0] ? undefined : spec.check?.(merged as C);
    const messages = rule ? [rule] : issues.map(describeIssue);
    if (!given[0] && messages[0]) problems.push(['configuration', `none was given (${messages[0]}): add data-config='{…}'`]);
    else for (const message of messages) problems.push([given.join(' + '), message]);
  }
  return [merged as C, problems, level];
}
