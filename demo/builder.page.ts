/**
 * The view of `<ik-builder>`: the site's header, the two tabs, and the parts of each, given the builder's state
 * as properties and reporting to it with events (builder.element.ts).
 */
import { html } from 'lit';
import type { Builder } from './builder.app.js';
import './builder.check-tab.js';
import './builder.code.js';
import './builder.form.js';
import './builder.preview.js';
import { elementHtml } from './builder.snippet.js';
import { formConfig, inputFor, previewLanguages, reserveCss, shownCheck, snippetParts, type BuilderState } from './builder.state.js';
import { strings, type Lang } from './builder.strings.js';
import './builder.web-team.js';

const TABS: BuilderState['tab'][] = ['build', 'check'];

export function builderPage(builder: Builder) {
  const { uiLang, tab, tag, settings, fetched } = builder;
  const t = strings[uiLang];
  const other: Lang = uiLang == 'sv' ? 'en' : 'sv';
  const parts = snippetParts(builder, true);
  const typedSrc = builder.src[tag];
  /** The tabs pattern: arrow keys, Home and End move between the tabs. */
  const tabKeys = (event: KeyboardEvent) => {
    const index = TABS.indexOf(tab);
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: TABS.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    builder.setTab(TABS[(next + TABS.length) % TABS.length], true);
  };
  return html`<div class="builder" lang=${uiLang}>
    <header class="site-header">
      <p class="site-name">${t.siteName}</p>
      <nav class="site-nav" aria-label=${t.siteName}>
        <a href=${uiLang == 'en' ? 'index.html?lang=en' : 'index.html'}>${t.demo}</a>
        <a href=${`guide.${uiLang}.html`}>${t.guide}</a>
        <button type="button" class="link-button" lang=${other} @click=${() => builder.setLang(other)}>${t.otherLanguage}</button>
      </nav>
    </header>
    <main id="main">
      <h1>${t.title}</h1>
      <p class="lead">${t.intro}</p>
      <div role="tablist" aria-label=${t.tabs} @keydown=${tabKeys}>
        ${TABS.map(
          (each) => html`<button
            type="button"
            role="tab"
            id=${`tab-${each}`}
            aria-controls=${`panel-${each}`}
            aria-selected=${tab == each ? 'true' : 'false'}
            tabindex=${tab == each ? 0 : -1}
            @click=${() => builder.setTab(each)}
          >
            ${each == 'build' ? t.tabBuild : t.tabCheck}
          </button>`,
        )}
      </div>
      <div role="tabpanel" id="panel-build" aria-labelledby="tab-build" ?hidden=${tab != 'build'}>
        <div class="layout">
          <form class="form" @submit=${(event: Event) => event.preventDefault()} @change=${(event: Event) => builder.commit(event.target)}>
            <ik-builder-form
              .uiLang=${uiLang}
              .tag=${tag}
              .headingLevel=${settings.headingLevel}
              .pageLang=${settings.pageLang}
              .draft=${builder.drafts[tag]}
              .changedInputs=${builder.changedInputs}
            ></ik-builder-form>
            <ik-builder-web-team
              .uiLang=${uiLang}
              .settings=${settings}
              .src=${typedSrc}
              .srcChanged=${builder.changedInputs.has('config-src')}
              .version=${builder.version}
              .integrity=${builder.integrity}
              .reserveCss=${builder.reserved && reserveCss(tag, { widths: settings.reserveWidths, heights: builder.reserved })}
              .hasContent=${!!(formConfig(builder) || typedSrc.trim())}
            ></ik-builder-web-team>
          </form>
          <div class="output">
            <ik-builder-preview
              .uiLang=${uiLang}
              .markup=${elementHtml(parts)}
              .languages=${previewLanguages([parts.config, parts.src && fetched?.value], !!(parts.config || parts.src))}
            ></ik-builder-preview>
            <ik-builder-code
              .uiLang=${uiLang}
              .checked=${shownCheck(builder)}
              .loading=${!!(fetched && !fetched.value && !fetched.error && builder.loadedSrc[tag].trim())}
              .inputFor=${(path: string) => inputFor(tag, builder.drafts[tag], path)}
              .snippet=${builder.snippet}
              .fallback=${parts.fallback.join('\n')}
              .pageLang=${settings.pageLang}
              .copyStatus=${builder.copyStatus}
            ></ik-builder-code>
          </div>
        </div>
      </div>
      <div role="tabpanel" id="panel-check" aria-labelledby="tab-check" ?hidden=${tab != 'check'}>
        <ik-builder-check
          .uiLang=${uiLang}
          .text=${builder.checkText}
          .tag=${builder.checkTag}
          .report=${builder.report}
          .fixedQuotes=${builder.fixedQuotes}
        ></ik-builder-check>
      </div>
      <p class="visually-hidden" role="status">${builder.announcement?.(uiLang) ?? ''}</p>
    </main>
    <div class="measure"></div>
  </div>`;
}
