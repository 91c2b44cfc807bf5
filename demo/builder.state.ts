/**
 * The builder's state, its changes and what it derives from it, as plain functions: a field's new draft, the
 * input a problem names, the check of the form, the snippet's parts, the languages to preview and the
 * reservation CSS.
 */
import type { Field } from '../src/shared/schema.js';
import type { Report } from './builder.check.js';
import type { Say, Settings, Step } from './builder.element.js';
import {
  bundleName,
  checkSources,
  contentLanguages,
  draftToConfig,
  emptyDraft,
  fallbackHtml,
  specs,
  tags,
  withScheme,
  type Draft,
  type Fetched,
  type Integrity,
  type ListDraft,
  type ObjectDraft,
  type Script,
  type SnippetParts,
} from './builder.snippet.js';
import type { Lang, Tag } from './builder.strings.js';

/** Everything the builder shows: `<ik-builder>`'s reactive state. */
export interface BuilderState {
  /** The builder's own language (its interface: Swedish or English). */
  uiLang: Lang;
  tab: 'build' | 'check';
  /** The element being configured. */
  tag: Tag;
  /** What the editor has typed, per element. */
  drafts: Record<Tag, ObjectDraft>;
  settings: Settings;
  /** The data-config-src as typed, and as of the last change event: what the check and the preview load. */
  src: Record<Tag, string>;
  loadedSrc: Record<Tag, string>;
  /**
   * What the check has seen, per element: the configuration as of the editor's last change (a field left, a choice
   * made), not as of every keystroke; undefined until the editor has changed something, so that an empty form
   * greets nobody with errors.
   */
  committed: Partial<Record<Tag, { json?: string }>>;
  /** Inputs the editor has left at least once: where a note (such as an added https://) may show. */
  changedInputs: Set<string>;
  /** The card's measured heights in rem; undefined while measuring. */
  reserved?: { wide: number; narrow: number };
  version: string;
  /** The build's hashes: undefined while loading, null when nothing is built. */
  integrity?: Integrity | null;
  /** The last data-config-src file loaded (or on its way: no value and no error yet). */
  fetched?: Fetched;
  copyStatus?: 'copied' | 'selected';
  /** What the status line last said. */
  announcement?: Say;
  /** The check tab: the text to check, the element bare JSON is for, the last report, the quotes last fixed. */
  checkText: string;
  checkTag: Tag | '';
  report?: Report;
  fixedQuotes?: number;
}

const byTag = <T>(make: (tag: Tag) => T) => Object.fromEntries(tags.map((tag) => [tag, make(tag)])) as Record<Tag, T>;

/** Every key of T present, those that are optional with the value undefined. */
type EveryKey<T> = { [K in keyof Required<T>]: T[K] };

/** A fresh builder's state: an empty form for each element. Every key is there (a missing one is a type error). */
export const initialState = (): EveryKey<BuilderState> => ({
  uiLang: 'sv',
  tab: 'build',
  tag: 'ik-contact-card',
  drafts: byTag((tag) => emptyDraft(specs[tag].schema) as ObjectDraft),
  settings: {
    headingLevel: 2,
    pageLang: 'sv',
    includeScript: true,
    classic: false,
    scriptBase: 'https://cdn.example.se/industrikommun-widgets/',
    reserveWidths: { wide: 640, narrow: 288, breakpoint: 640 },
  },
  src: byTag(() => ''),
  loadedSrc: byTag(() => ''),
  committed: {},
  changedInputs: new Set(),
  reserved: undefined,
  version: '0.0.0',
  integrity: undefined,
  fetched: undefined,
  copyStatus: undefined,
  announcement: undefined,
  checkText: '',
  checkTag: '',
  report: undefined,
  fixedQuotes: undefined,
});

/** The configuration the form gives for the element being configured. */
export const formConfig = (state: BuilderState): Record<string, unknown> | undefined =>
  draftToConfig(specs[state.tag].schema, state.drafts[state.tag]);

const formJson = (state: BuilderState) => {
  const config = formConfig(state);
  return config ? JSON.stringify(config) : undefined;
};

/** What the check has seen, caught up with the form as it is now. */
export const committedNow = (state: BuilderState) => ({ ...state.committed, [state.tag]: { json: formJson(state) } });

function scriptOf({ settings: { includeScript, scriptBase, classic }, version, integrity }: BuilderState): Script | undefined {
  if (!includeScript) return undefined;
  return { base: scriptBase, version, classic, integrity: integrity?.hashes[bundleName(classic)] };
}

/** An id for the input of a field: `f-contact-card-person-phones-3-number`. */
export const inputId = (tag: Tag, idPath: string) => `f-${tag.slice(3)}-${idPath.replace(/[^\w-]+/g, '-')}`;

/** The draft with the value at `steps` replaced, leaving the old draft as it was. */
export function updateDraft(draft: Draft, steps: Step[], value: Draft): Draft {
  if (!steps.length) return value;
  const [step, ...rest] = steps;
  if (typeof step == 'number') {
    const list = draft as ListDraft;
    return { items: list.items.map((item) => (item.key == step ? { key: item.key, value: updateDraft(item.value, rest, value) } : item)) };
  }
  const record = draft as Record<string, Draft>;
  return { ...record, [step]: updateDraft(record[step], rest, value) };
}

/** The id of the input a problem's path ("person.phones[1].number") names, when the form has it. */
export function inputFor(tag: Tag, draft: ObjectDraft, path: string): string | undefined {
  let field: Field = specs[tag].schema;
  let at: Draft = draft;
  const idParts: string[] = [];
  for (const part of path.match(/[^.[\]]+|\[\d+\]/g) ?? []) {
    if (part.startsWith('[')) {
      if (field.kind != 'list') return undefined;
      // The configuration leaves out empty items: its index counts the filled ones.
      const of: Field = field.of;
      const filled: ListDraft['items'] = (at as ListDraft).items.filter((item) => draftToConfig(of, item.value) !== undefined);
      const entry: ListDraft['items'][number] | undefined = filled[+part.slice(1, -1)];
      if (!entry) return undefined;
      idParts.push(String(entry.key));
      field = of;
      at = entry.value;
    } else {
      if (field.kind != 'object' || !(part in field.fields)) return undefined;
      idParts.push(part);
      field = field.fields[part];
      at = (at as ObjectDraft)[part];
    }
  }
  if (!idParts.length) return undefined;
  return inputId(tag, idParts.join('-')) + (field.kind == 'text' ? `-${contentLanguages[0]}` : '');
}

/** A data-config-src as typed, with https:// when it was left out. */
export const srcAddress = (typed: string) => withScheme(typed) ?? typed.trim();

/** What the element would find in the form's configuration (`json`), with the data-config-src file once it is here. */
export function checkForm(tag: Tag, json: string | undefined, headingLevel: number, src: string, fetched?: Fetched) {
  const address = srcAddress(src);
  return checkSources(tag, [['data-config', json, true]], headingLevel, address && fetched?.src == address ? fetched : undefined);
}

/**
 * The languages to preview: each content language that the form's configuration or the data-config-src file has
 * a text in, else Swedish (plain text reads the same in every language); none when nothing is filled in, so that
 * an empty form shows no card and logs nothing.
 */
export function previewLanguages(sources: unknown[], hasContent: boolean): string[] {
  if (!hasContent) return [];
  const found = new Set<string>();
  const walk = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value == 'object')
      for (const [key, child] of Object.entries(value)) {
        if (typeof child == 'string' && contentLanguages.includes(key)) found.add(key);
        else walk(child);
      }
  };
  sources.forEach(walk);
  const languages = contentLanguages.filter((code) => found.has(code));
  return languages.length ? languages : [contentLanguages[0]];
}

export interface Reserve {
  widths: { wide: number; narrow: number; breakpoint: number };
  /** The card's measured heights in rem, by width. */
  heights: { wide: number; narrow: number };
}

/** The CSS that keeps the card's place, from its measured heights. */
export function reserveCss(tag: Tag, { widths: { wide, narrow, breakpoint }, heights }: Reserve) {
  return `/* <${tag}> as configured here: its height in a ${wide} px column,
   and in a ${narrow} px column below ${breakpoint} px (the tallest of its languages). */
${tag} {
  display: block;
  min-height: ${heights.wide}rem;
}
@media (max-width: ${breakpoint}px) {
  ${tag} {
    min-height: ${heights.narrow}rem;
  }
}`;
}

/** The problems as of the editor's last change; undefined before any. */
export function shownCheck(state: BuilderState) {
  const committed = state.committed[state.tag];
  return committed && checkForm(state.tag, committed.json, state.settings.headingLevel, state.loadedSrc[state.tag], state.fetched);
}

/** The snippet's pieces, and the configuration the element would use; `loaded` takes data-config-src as last loaded rather than as being typed. */
export function snippetParts(state: BuilderState, loaded = false): SnippetParts & { merged: unknown } {
  const { tag, settings } = state;
  const checked = checkForm(tag, formJson(state), settings.headingLevel, state.loadedSrc[tag], state.fetched);
  return {
    tag,
    config: formConfig(state),
    src: srcAddress((loaded ? state.loadedSrc : state.src)[tag]) || undefined,
    headingLevel: settings.headingLevel,
    fallback: fallbackHtml(tag, checked.merged, settings.pageLang as Parameters<typeof fallbackHtml>[2], settings.headingLevel),
    script: scriptOf(state),
    merged: checked.merged,
  };
}
