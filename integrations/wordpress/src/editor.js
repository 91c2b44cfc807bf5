/**
 * The three blocks' editor side, on WordPress's `wp.*` globals. `npm run build:wordpress` bundles it with esbuild
 * into the plugin's blocks/editor.js, together with the one fallback writer (demo/fallback-html.ts, which the
 * snippet builder uses too) and the one language list (src/contract/languages.ts). Each block's sidebar fields are its
 * attributes; `save` writes the element with that data as `data-config` and a
 * plain-HTML fallback made from the same data (shown before the script runs,
 * without JavaScript, on a wrong configuration, and if the plugin is removed).
 *
 * The rules are the snippet builder's: a text filled in one language, or the same in all, is one string; the
 * fallback is in the element's language, and a text only another language has is marked with its `lang`; only
 * https:, http:, mailto:, tel: and relative addresses become links.
 */
import { fallbackHtml, fallbackWords } from '../../../demo/fallback-html.ts';
import { LANGUAGES } from '../../../src/contract/languages.ts';

(function (wp, settings) {
  'use strict';

  var el = wp.element.createElement;
  var __ = wp.i18n.__;
  var sprintf = wp.i18n.sprintf;
  var InspectorControls = wp.blockEditor.InspectorControls;
  var useBlockProps = wp.blockEditor.useBlockProps;
  var PanelBody = wp.components.PanelBody;
  var TextControl = wp.components.TextControl;
  var TextareaControl = wp.components.TextareaControl;
  var SelectControl = wp.components.SelectControl;

  var RawHTML = wp.element.RawHTML;
  var CODES = Object.keys(LANGUAGES);
  var siteLang = settings && LANGUAGES[settings.siteLang] ? settings.siteLang : CODES[0];
  /** `heading` + `fi` → `headingFi`: the block attribute of a text in one language. */
  var attr = function (name, code) {
    return name + code.charAt(0).toUpperCase() + code.slice(1);
  };

  // ---- The configuration, as the elements read it.

  function trimmed(value) {
    return typeof value === 'string' ? value.trim() : '';
  }

  /** A text in each language: one string when only one is filled in or all are the same, else `{sv, en, …}`. */
  function text(a, name) {
    var out = {};
    CODES.forEach(function (code) {
      var value = trimmed(a[attr(name, code)]);
      if (value) {
        out[code] = value;
      }
    });
    var values = Object.keys(out).map(function (code) {
      return out[code];
    });
    if (!values.length) {
      return undefined;
    }
    return values.every(function (value) {
      return value === values[0];
    })
      ? values[0]
      : out;
  }

  /** Drops empty fields, so that an empty block gives `{}` and no field is `""`. */
  function compact(value) {
    if (Array.isArray(value)) {
      var items = value.map(compact).filter(function (item) {
        return item !== undefined;
      });
      return items.length ? items : undefined;
    }
    if (value && typeof value === 'object' && !Object.keys(value).some((key) => key in LANGUAGES)) {
      var out = {};
      Object.keys(value).forEach(function (key) {
        var child = compact(value[key]);
        if (child !== undefined) {
          out[key] = child;
        }
      });
      return Object.keys(out).length ? out : undefined;
    }
    if (typeof value === 'string') {
      return value.trim() || undefined;
    }
    return value;
  }

  /** Paragraphs separated by an empty line, paired by position across the languages. */
  function paragraphs(a, name) {
    var lists = {};
    var count = 0;
    CODES.forEach(function (code) {
      lists[code] = trimmed(a[attr(name, code)])
        .split(/\n\s*\n/)
        .map(trimmed)
        .filter(Boolean);
      count = Math.max(count, lists[code].length);
    });
    var out = [];
    for (var i = 0; i < count; i++) {
      var row = {};
      CODES.forEach(function (code) {
        row[attr(name, code)] = lists[code][i];
      });
      out.push(text(row, name));
    }
    return out;
  }

  /** An address that may become a link (the elements' own rule), else undefined. */
  function safeUrl(value) {
    value = trimmed(value);
    if (!value) {
      return undefined;
    }
    var scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value);
    return !scheme || /^(https?|mailto|tel)$/i.test(scheme[1]) ? value : undefined;
  }

  var configs = {
    'ik-contact-card': function (a) {
      return compact({
        heading: text(a, 'heading'),
        person: {
          name: a.name,
          role: text(a, 'role'),
          phones: [trimmed(a.phone) && { number: a.phone.trim() }, trimmed(a.mobile) && { number: a.mobile.trim(), kind: 'mobile' }].filter(
            Boolean,
          ),
          email: a.email,
        },
        unit: {
          name: text(a, 'unitName'),
          address: { street: a.street, postalCode: a.postalCode, locality: a.locality },
          phone: a.unitPhone,
          email: a.unitEmail,
          url: a.unitUrl,
        },
      });
    },
    'ik-manifesto-card': function (a) {
      return compact({
        heading: text(a, 'heading'),
        lead: text(a, 'lead'),
        body: paragraphs(a, 'body'),
        closing: text(a, 'closing'),
        link: trimmed(a.linkHref) ? { href: a.linkHref, text: text(a, 'linkText') } : undefined,
      });
    },
    'ik-share-form': function (a) {
      return compact({
        heading: text(a, 'heading'),
        intro: text(a, 'intro'),
        endpoint: a.endpoint,
        privacy: { text: text(a, 'privacyText'), href: a.privacyHref },
      });
    },
  };

  // ---- The element itself.

  function level(attributes) {
    var value = Number(attributes.headingLevel);
    return value >= 1 && value <= 6 ? Math.round(value) : 2;
  }

  /** The element's attributes and its fallback children, for `save` and the editor's preview. */
  function element(tag, attributes) {
    var config = configs[tag](attributes) || {};
    var lang = LANGUAGES[attributes.lang] ? attributes.lang : '';
    var props = { 'data-config': JSON.stringify(config) };
    if (level(attributes) !== 2) {
      props['heading-level'] = String(level(attributes));
    }
    if (lang) {
      props.lang = lang;
    }
    var src = tag === 'ik-manifesto-card' ? safeUrl(attributes.configSrc) : undefined;
    if (src) {
      props['data-config-src'] = src;
    }
    // The fallback in the element's language where the fallback writer has its words, else in Swedish.
    var fallbackLang = fallbackWords[lang || siteLang] ? lang || siteLang : CODES[0];
    var shown = config.link && !safeUrl(config.link.href) ? Object.assign({}, config, { link: undefined }) : config;
    var html = fallbackHtml(tag, shown, fallbackLang, level(attributes)).join('');
    return { props: props, children: html ? [el(RawHTML, { key: 'fallback' }, html)] : [] };
  }

  // ---- The sidebar.

  function field(props, name, label, options) {
    options = options || {};
    var Control = options.multiline ? TextareaControl : TextControl;
    return el(Control, {
      key: name,
      label: label,
      help: options.help,
      type: options.type,
      dir: options.dir,
      value: props.attributes[name] || '',
      onChange: function (value) {
        var change = {};
        change[name] = value;
        props.setAttributes(change);
      },
    });
  }

  /** The editor's own language, for the languages' names in the sidebar. */
  var editorLocale = document.documentElement.lang || 'en';

  /** A language's name in the editor's language: "svenska", "Finnish" (else its name in itself). */
  function languageName(code) {
    try {
      return new Intl.DisplayNames([editorLocale], { type: 'language' }).of(code) || LANGUAGES[code].name;
    } catch (error) {
      return LANGUAGES[code].name;
    }
  }

  /** A text field per content language, one under the other in the sidebar. */
  function both(props, name, label, options) {
    return CODES.map(function (code) {
      /* translators: 1: the name of a field, such as "Heading"; 2: a language's name, such as "Swedish". */
      var caption = sprintf(__('%1$s (%2$s)', 'industrikommun-widgets'), label, languageName(code));
      return field(props, attr(name, code), caption, Object.assign({}, options, { dir: LANGUAGES[code].dir }));
    });
  }

  function commonFields(props) {
    return el(
      PanelBody,
      { key: 'display', title: __('Display', 'industrikommun-widgets'), initialOpen: true },
      el(SelectControl, {
        label: __('Heading level', 'industrikommun-widgets'),
        help: __("Fit the page's outline: 3 under a subheading (h2), and so on.", 'industrikommun-widgets'),
        value: String(level(props.attributes)),
        options: [1, 2, 3, 4, 5, 6].map(function (n) {
          return { value: String(n), label: 'h' + n };
        }),
        onChange: function (value) {
          props.setAttributes({ headingLevel: Number(value) });
        },
      }),
      el(SelectControl, {
        label: __('Language', 'industrikommun-widgets'),
        value: props.attributes.lang || '',
        options: [{ value: '', label: __("The page's language", 'industrikommun-widgets') }].concat(
          CODES.map(function (code) {
            return { value: code, label: LANGUAGES[code].name };
          }),
        ),
        onChange: function (value) {
          props.setAttributes({ lang: value });
        },
      }),
    );
  }

  var panels = {
    'ik-contact-card': function (props) {
      return [
        el(
          PanelBody,
          { key: 'person', title: __('Person', 'industrikommun-widgets') },
          both(props, 'heading', __('Heading', 'industrikommun-widgets'), {
            help: __('Empty: "Kontakt" / "Contact".', 'industrikommun-widgets'),
          }),
          field(props, 'name', __('Name', 'industrikommun-widgets')),
          both(props, 'role', __('Role', 'industrikommun-widgets')),
          field(props, 'phone', __('Phone', 'industrikommun-widgets'), {
            type: 'tel',
            help: __('As it should show: 0520-49 68 10.', 'industrikommun-widgets'),
          }),
          field(props, 'mobile', __('Mobile', 'industrikommun-widgets'), { type: 'tel' }),
          field(props, 'email', __('E-mail', 'industrikommun-widgets'), { type: 'email' }),
        ),
        el(
          PanelBody,
          { key: 'unit', title: __('Unit', 'industrikommun-widgets'), initialOpen: false },
          both(props, 'unitName', __('Unit name', 'industrikommun-widgets')),
          field(props, 'street', __('Street address', 'industrikommun-widgets')),
          field(props, 'postalCode', __('Postal code', 'industrikommun-widgets')),
          field(props, 'locality', __('Town', 'industrikommun-widgets')),
          field(props, 'unitPhone', __('Switchboard', 'industrikommun-widgets'), { type: 'tel' }),
          field(props, 'unitEmail', __("Unit's e-mail", 'industrikommun-widgets'), { type: 'email' }),
          field(props, 'unitUrl', __('Web address', 'industrikommun-widgets'), { type: 'url' }),
        ),
      ];
    },
    'ik-manifesto-card': function (props) {
      return [
        el(
          PanelBody,
          { key: 'source', title: __('Shared manifesto', 'industrikommun-widgets') },
          field(props, 'configSrc', __('Address of the shared manifesto file', 'industrikommun-widgets'), {
            type: 'url',
            help: __('The JSON file the network publishes. The fields below replace single parts of it.', 'industrikommun-widgets'),
          }),
        ),
        el(
          PanelBody,
          { key: 'text', title: __('Text', 'industrikommun-widgets') },
          both(props, 'heading', __('Heading', 'industrikommun-widgets')),
          both(props, 'lead', __('Lead', 'industrikommun-widgets'), { multiline: true }),
          both(props, 'body', __('Body', 'industrikommun-widgets'), {
            multiline: true,
            help: __('Separate paragraphs with an empty line.', 'industrikommun-widgets'),
          }),
          both(props, 'closing', __('Closing text', 'industrikommun-widgets'), { multiline: true }),
          field(props, 'linkHref', __('Link to the whole manifesto', 'industrikommun-widgets'), { type: 'url' }),
          both(props, 'linkText', __('Link text', 'industrikommun-widgets')),
        ),
      ];
    },
    'ik-share-form': function (props) {
      return [
        el(
          PanelBody,
          { key: 'form', title: __('Form', 'industrikommun-widgets') },
          both(props, 'heading', __('Heading', 'industrikommun-widgets'), {
            help: __('Empty: "Tipsa en vän" / "Tell a friend".', 'industrikommun-widgets'),
          }),
          both(props, 'intro', __('Introduction', 'industrikommun-widgets'), { multiline: true }),
          field(props, 'endpoint', __('Endpoint', 'industrikommun-widgets'), {
            type: 'url',
            help: __(
              "The address your web team gives you. Empty: the visitor's own mail program writes the message.",
              'industrikommun-widgets',
            ),
          }),
          both(props, 'privacyText', __('Privacy notice', 'industrikommun-widgets')),
          field(props, 'privacyHref', __('Privacy page', 'industrikommun-widgets'), { type: 'url' }),
        ),
      ];
    },
  };

  function register(name, tag) {
    wp.blocks.registerBlockType(name, {
      edit: function (props) {
        var made = element(tag, props.attributes);
        // The editor speaks its user's language; the preview shows the card as the site's visitors will see it.
        made.props.lang = made.props.lang || siteLang;
        return el(
          'div',
          useBlockProps(),
          el(InspectorControls, null, commonFields(props), panels[tag](props)),
          el.apply(null, [tag, made.props].concat(made.children)),
        );
      },
      save: function (props) {
        var made = element(tag, props.attributes);
        return el.apply(null, [tag, useBlockProps.save(made.props)].concat(made.children));
      },
    });
  }

  // ---- What the site removed when the post was saved (addresses not on the administrator's list): the save's
  // answer carries the reasons (includes/addresses.php), shown as the editor's own notices.
  var wasSaving = false;
  wp.data.subscribe(function () {
    var editor = wp.data.select('core/editor');
    if (!editor || !editor.getCurrentPostId) {
      return;
    }
    var saving = editor.isSavingPost() && !editor.isAutosavingPost();
    var finished = wasSaving && !saving;
    // Set first: the notices below change the store, which calls this function again.
    wasSaving = saving;
    if (finished && editor.didPostSaveRequestSucceed()) {
      var record = wp.data.select('core').getEntityRecord('postType', editor.getCurrentPostType(), editor.getCurrentPostId());
      ((record && record.industrikommun_widgets_removed) || []).forEach(function (message, index) {
        wp.data.dispatch('core/notices').createNotice('warning', message, {
          id: 'industrikommun-widgets-removed-' + index,
          isDismissible: true,
        });
      });
    }
  });

  register('industrikommun/contact-card', 'ik-contact-card');
  register('industrikommun/manifesto-card', 'ik-manifesto-card');
  register('industrikommun/share-form', 'ik-share-form');
})(window.wp, window.industrikommunWidgets);
