/**
 * `<ik-builder-fields>`: the form's fields for one element's content, generated from its configuration
 * descriptor (the same one that gives the types, the runtime check and the JSON Schema), labelled from
 * builder.words.ts. A text has an input for each content language; a list adds and removes items.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Field } from '../src/shared/schema.js';
import { BuilderElement, directionOf, type Step } from './builder.element.js';
import {
  contentLanguages,
  emptyDraft,
  newKey,
  specs,
  withScheme,
  type Draft,
  type ListDraft,
  type ObjectDraft,
  type TextDraft,
} from './builder.snippet.js';
import { inputId } from './builder.state.js';
import { languageLabel, strings, type Lang, type Tag } from './builder.strings.js';
import { fieldWords } from './builder.words.js';

/** Where a field is: its descriptor path (`person.phones[].number`), its place in the draft, and its id's path. */
interface At {
  path: string;
  steps: Step[];
  idPath: string;
}

export class BuilderFields extends BuilderElement {
  static override properties = {
    uiLang: { attribute: false },
    tag: { attribute: false },
    draft: { attribute: false },
    changedInputs: { attribute: false },
  };

  /** The builder's language. */
  declare uiLang: Lang;
  /** The element whose fields these are. */
  declare tag: Tag;
  /** Its draft: what the editor has typed. */
  declare draft: ObjectDraft;
  /** Ids of the inputs the editor has left at least once: where a note (such as an added https://) may show. */
  declare changedInputs: Set<string>;

  constructor() {
    super();
    this.uiLang = 'sv';
    this.tag = 'ik-contact-card';
    this.changedInputs = new Set<string>();
  }

  protected override render() {
    return this.#objectFields(specs[this.tag].schema, this.draft, { path: '', steps: [], idPath: '' }, 0);
  }

  #edit(steps: Step[], value: Draft, commit = false) {
    this.emit('builder-edit', { steps, value, commit });
  }

  /**
   * The fields of an object. `depth` counts the groups around them: only the outermost groups are fieldsets with a
   * frame; inner ones are plain groups, so that fields keep their width at 320 px.
   */
  #objectFields(field: Extract<Field, { kind: 'object' }>, draft: ObjectDraft, at: At, depth: number): TemplateResult[] {
    return Object.entries(field.fields).map(([key, child]) =>
      this.#field(
        child,
        { path: at.path ? `${at.path}.${key}` : key, steps: [...at.steps, key], idPath: at.idPath ? `${at.idPath}-${key}` : key },
        draft[key],
        !!field.required?.includes(key),
        depth,
      ),
    );
  }

  /** A group of fields: a framed fieldset at the top, a titled group inside one. */
  #group(id: string, name: unknown, content: unknown, depth: number, className = '') {
    return depth == 0
      ? html`<fieldset class=${`group ${className}`}>
          <legend>${name}</legend>
          ${content}
        </fieldset>`
      : html`<div class=${`subgroup ${className}`} role="group" aria-labelledby=${`${id}-title`}>
          <p class="subgroup__title" id=${`${id}-title`}>${name}</p>
          ${content}
        </div>`;
  }

  #field(field: Field, at: At, value: Draft, required: boolean, depth: number, label?: string): TemplateResult {
    const t = strings[this.uiLang];
    const lang = this.uiLang;
    const words = fieldWords[this.tag][at.path] ?? { label: { sv: at.path, en: at.path } };
    const id = inputId(this.tag, at.idPath);
    const name = html`${label ?? words.label[lang]}${required ? html` <span class="required">${t.required}</span>` : nothing}`;
    const hint = words.hint?.[lang];
    const hintText = hint ? html`<p class="hint" id=${`${id}-hint`}>${hint}</p>` : nothing;
    const onInput = (event: Event) => this.#edit(at.steps, (event.target as HTMLInputElement).value);
    switch (field.kind) {
      case 'text':
        return this.#textField(at, id, value as TextDraft, name, hint ? `${id}-hint` : undefined, hintText);
      case 'list':
        return this.#listField(field, at, id, value as ListDraft, name, hintText, depth);
      case 'object':
        return this.#group(id, name, html`${hintText} ${this.#objectFields(field, value as ObjectDraft, at, depth + 1)}`, depth);
      case 'string':
        if (field.oneOf) {
          const choices = words.choices ?? {};
          return html`<div class="field">
            <label for=${id}>${name}</label>
            ${hintText}
            <select id=${id} aria-describedby=${hint ? `${id}-hint` : nothing} @change=${onInput}>
              <option value="" .selected=${live(value == '')}>${t.kindDefault}</option>
              ${field.oneOf
                .filter((choice) => choices[choice])
                .map((choice) => html`<option value=${choice} .selected=${live(value == choice)}>${choices[choice][lang]}</option>`)}
            </select>
          </div>`;
        }
      // Falls through: text with a pattern (a date) is typed like any other.
      default: {
        const scheme = field.kind == 'url' ? (field.scheme ?? 'web') : undefined;
        const inputmode = { email: 'email', phone: 'tel', web: 'url' }[scheme!] ?? (field.kind == 'number' ? 'decimal' : undefined);
        // A web address without https:// gets it, and the editor sees that it did (once the field has been left).
        const completed = scheme == 'web' && this.changedInputs.has(id) ? withScheme(value as string) : undefined;
        const describedBy = [hint && `${id}-hint`, completed && `${id}-scheme`].filter(Boolean).join(' ');
        return html`<div class="field">
          <label for=${id}>${name}</label>
          ${hintText}
          <input
            id=${id}
            inputmode=${inputmode ?? nothing}
            spellcheck=${field.kind == 'url' ? 'false' : nothing}
            autocomplete="off"
            aria-describedby=${describedBy || nothing}
            .value=${live(value as string)}
            @input=${onInput}
          />
          ${completed ? html`<p class="note" id=${`${id}-scheme`}>${t.schemeAdded(completed)}</p>` : nothing}
        </div>`;
      }
    }
  }

  /** A text: an input for each content language, or one input for a text that is the same in every language (a name). */
  #textField(at: At, id: string, text: TextDraft, name: unknown, describedBy: string | undefined, hintText: unknown) {
    const words = fieldWords[this.tag][at.path];
    const [first, ...others] = contentLanguages;
    if (words?.single && others.every((code) => !text[code])) {
      return html`<div class="field">
        <label for=${`${id}-${first}`}>${name}</label>
        ${hintText}
        <input
          id=${`${id}-${first}`}
          aria-describedby=${describedBy ?? nothing}
          .value=${live(text[first])}
          @input=${(event: Event) => this.#edit([...at.steps, first], (event.target as HTMLInputElement).value)}
        />
      </div>`;
    }
    const input = (code: string) => {
      const inputIdFor = `${id}-${code}`;
      const onText = (event: Event) => this.#edit([...at.steps, code], (event.target as HTMLInputElement).value);
      return html`<div class="field">
        <label for=${inputIdFor}>${languageLabel(code, this.uiLang)}</label>
        ${
          words?.long
            ? html`<textarea id=${inputIdFor} lang=${code} dir=${directionOf(code)} rows="3" aria-describedby=${describedBy ?? nothing} .value=${live(text[code])} @input=${onText}></textarea>`
            : html`<input id=${inputIdFor} lang=${code} dir=${directionOf(code)} aria-describedby=${describedBy ?? nothing} .value=${live(text[code])} @input=${onText} />`
        }
      </div>`;
    };
    // Several inputs under one name: a group, never a frame of its own.
    return html`<div class="text-field" role="group" aria-labelledby=${`${id}-title`}>
      <p class="text-field__title" id=${`${id}-title`}>${name}</p>
      ${hintText}
      <div class="pair">${contentLanguages.map(input)}</div>
    </div>`;
  }

  #listField(
    field: Extract<Field, { kind: 'list' }>,
    at: At,
    id: string,
    list: ListDraft,
    name: unknown,
    hintText: unknown,
    depth: number,
  ) {
    const t = strings[this.uiLang];
    const itemNameIn = (lang: Lang, index: number) => {
      const word = fieldWords[this.tag][at.path]?.item?.[lang] ?? at.path;
      return `${word[0].toUpperCase()}${word.slice(1)} ${index + 1}`;
    };
    const itemName = (index: number) => itemNameIn(this.uiLang, index);
    const addId = `${id}-add`;
    const add = () => {
      const key = newKey();
      this.#edit(at.steps, { items: [...list.items, { key, value: emptyDraft(field.of) }] });
      const index = list.items.length;
      this.emit('builder-announce', (lang) => strings[lang].added(itemNameIn(lang, index)));
      // The new item's first field takes the focus, so that the editor can type at once (the page is rendered by now).
      const prefix = inputId(this.tag, `${at.idPath}-${key}`);
      this.querySelector<HTMLElement>(`:is(input, select, textarea):is([id="${prefix}"], [id^="${prefix}-"])`)?.focus();
    };
    const remove = (key: number) => {
      const index = list.items.findIndex((entry) => entry.key == key);
      this.#edit(at.steps, { items: list.items.filter((entry) => entry.key != key) }, true);
      this.emit('builder-announce', (lang) => strings[lang].removed(itemNameIn(lang, index)));
      this.querySelector<HTMLElement>(`#${addId}`)?.focus();
    };
    const content = html`${hintText}
      <ol class="list__items">
        ${repeat(
          list.items,
          (entry) => entry.key,
          (entry, index) => {
            const itemAt: At = { path: `${at.path}[]`, steps: [...at.steps, entry.key], idPath: `${at.idPath}-${entry.key}` };
            const removeButton = html`<button type="button" class="secondary remove" @click=${() => remove(entry.key)}>${t.remove(itemName(index).toLowerCase())}</button>`;
            const itemId = `${inputId(this.tag, itemAt.idPath)}-item`;
            return html`<li class="list__item">
              ${
                field.of.kind == 'object'
                  ? html`<div role="group" aria-labelledby=${itemId}>
                    <p class="list__title" id=${itemId}>${itemName(index)}</p>
                    ${this.#objectFields(field.of, entry.value as ObjectDraft, itemAt, depth + 2)} ${removeButton}
                  </div>`
                  : html`${this.#field(field.of, itemAt, entry.value, false, depth + 2, itemName(index))} ${removeButton}`
              }
            </li>`;
          },
        )}
      </ol>
      <button type="button" class="secondary" id=${addId} @click=${add}>${t.add(fieldWords[this.tag][at.path]?.item?.[this.uiLang] ?? at.path)}</button>`;
    return this.#group(id, name, content, depth, 'list');
  }
}

customElements.define('ik-builder-fields', BuilderFields);

declare global {
  interface HTMLElementTagNameMap {
    'ik-builder-fields': BuilderFields;
  }
}
