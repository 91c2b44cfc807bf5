/**
 * A list of problems, as both tabs show them: the builder's plain explanation (linked to the field it names,
 * when the form has one), then the element's own English message for the web team.
 */
import { html, nothing } from 'lit';
import type { Finding } from './builder.check.js';
import { explain } from './builder.explain.js';
import { strings, type Lang } from './builder.strings.js';

/** `inputFor` gives the id of the input a problem's path names; a click on the explanation moves the focus there. */
export function findingList(findings: Finding[], lang: Lang, inputFor?: (path: string) => string | undefined) {
  const t = strings[lang];
  const levelName = { error: t.error, warning: t.warning, note: t.note };
  return html`<ul class="findings">
    ${findings.map((finding) => {
      const problem = finding.element?.problem;
      const target = problem?.path ? inputFor?.(problem.path) : undefined;
      const code = finding.element ? html`<code lang="en">${finding.element.source}: ${finding.element.message}</code>` : nothing;
      const explanation = problem && explain(problem, lang);
      const linked = (content: unknown) =>
        target
          ? html`<a
              href=${`#${target}`}
              @click=${(event: Event) => {
                event.preventDefault();
                (event.currentTarget as Element).closest('.builder')?.querySelector<HTMLElement>(`#${target}`)?.focus();
              }}
              >${content}</a
            >`
          : content;
      return html`<li class=${`finding finding--${finding.level}`}>
        <strong>${levelName[finding.level]}:</strong>
        ${finding.own ? finding.own(lang) : nothing}
        ${explanation ? html`<span class="explanation">${linked(explanation)}</span>` : nothing}
        ${finding.element ? html`<span class="technical">${t.technical}: ${explanation ? code : linked(code)}</span>` : nothing}
      </li>`;
    })}
  </ul>`;
}
