/**
 * The three blocks' editor side, in plain JavaScript on WordPress's `wp.*`
 * globals: nothing for a site to build. Each block's sidebar fields are its
 * attributes; `save` writes the element with that data as `data-config` and a
 * plain-HTML fallback made from the same data (shown before the script runs,
 * without JavaScript, on a wrong configuration, and if the plugin is removed).
 *
 * The rules mirror the snippet builder's (demo/builder.snippet.ts): a text
 * filled in one language, or the same in both, is one string; the fallback is
 * in the element's language, and a text only the other language has is marked
 * with its `lang`; only https:, http:, mailto:, tel: and relative addresses
 * become links.
 */
(function (wp, settings) {
  'use strict';

  var el = wp.element.createElement;
  var Fragment = wp.element.Fragment;
  var __ = wp.i18n.__;
  var sprintf = wp.i18n.sprintf;
  var InspectorControls = wp.blockEditor.InspectorControls;
  var useBlockProps = wp.blockEditor.useBlockProps;
  var PanelBody = wp.components.PanelBody;
  var TextControl = wp.components.TextControl;
  var TextareaControl = wp.components.TextareaControl;
  var SelectControl = wp.components.SelectControl;

  var siteLang = settings && settings.siteLang === 'en' ? 'en' : 'sv';

  var WORDS = {
    sv: {
      phone: 'Telefon',
      mobile: 'Mobil',
      switchboard: 'Växel',
      email: 'E-post',
      website: 'Webbplats',
      shareCopy: 'Tipsa en vän om sidan: kopiera adressen i webbläsarens adressfält och skicka den till din vän.',
    },
    en: {
      phone: 'Phone',
      mobile: 'Mobile',
      switchboard: 'Switchboard',
      email: 'E-mail',
      website: 'Website',
      shareCopy: "Tell a friend about this page: copy the address in the browser's address bar and send it to your friend.",
    },
  };

  // ---- The configuration, as the elements read it.

  function trimmed(value) {
    return typeof value === 'string' ? value.trim() : '';
  }

  /** A text in two languages: one string when only one is filled in or both are the same. */
  function text(sv, en) {
    sv = trimmed(sv);
    en = trimmed(en);
    if (!sv && !en) {
      return undefined;
    }
    if (!sv || !en || sv === en) {
      return sv || en;
    }
    return { sv: sv, en: en };
  }

  /** Drops empty fields, so that an empty block gives `{}` and no field is `""`. */
  function compact(value) {
    if (Array.isArray(value)) {
      var items = value.map(compact).filter(function (item) {
        return item !== undefined;
      });
      return items.length ? items : undefined;
    }
    if (value && typeof value === 'object' && !('sv' in value && 'en' in value)) {
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

  /** Paragraphs separated by an empty line, paired by position across the two languages. */
  function paragraphs(sv, en) {
    var split = function (value) {
      return trimmed(value)
        .split(/\n\s*\n/)
        .map(trimmed)
        .filter(Boolean);
    };
    var svList = split(sv);
    var enList = split(en);
    var out = [];
    for (var i = 0; i < Math.max(svList.length, enList.length); i++) {
      out.push(text(svList[i], enList[i]));
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

  /** The E.164 `tel:` link of a number as written: 0520-49 68 10 → tel:+46520496810. */
  function telHref(number) {
    var digits = number.replace(/\D/g, '');
    if (!digits) {
      return undefined;
    }
    if (/^\s*\+/.test(number)) {
      return 'tel:+' + digits;
    }
    if (digits.indexOf('00') === 0) {
      return 'tel:+' + digits.slice(2);
    }
    return digits.charAt(0) === '0' ? 'tel:+46' + digits.slice(1) : 'tel:' + digits;
  }

  var configs = {
    'ik-contact-card': function (a) {
      return compact({
        heading: text(a.headingSv, a.headingEn),
        person: {
          name: a.name,
          role: text(a.roleSv, a.roleEn),
          phones: [trimmed(a.phone) && { number: a.phone.trim() }, trimmed(a.mobile) && { number: a.mobile.trim(), kind: 'mobile' }].filter(
            Boolean,
          ),
          email: a.email,
        },
        unit: {
          name: text(a.unitNameSv, a.unitNameEn),
          address: { street: a.street, postalCode: a.postalCode, locality: a.locality },
          phone: a.unitPhone,
          email: a.unitEmail,
          url: a.unitUrl,
        },
      });
    },
    'ik-manifesto-card': function (a) {
      return compact({
        heading: text(a.headingSv, a.headingEn),
        lead: text(a.leadSv, a.leadEn),
        body: paragraphs(a.bodySv, a.bodyEn),
        closing: text(a.closingSv, a.closingEn),
        link: trimmed(a.linkHref) ? { href: a.linkHref, text: text(a.linkTextSv, a.linkTextEn) } : undefined,
      });
    },
    'ik-share-form': function (a) {
      return compact({
        heading: text(a.headingSv, a.headingEn),
        intro: text(a.introSv, a.introEn),
        endpoint: a.endpoint,
        privacy: { text: text(a.privacyTextSv, a.privacyTextEn), href: a.privacyHref },
      });
    },
  };

  // ---- The fallback: plain HTML with the essentials, made from the same configuration.

  /** A text in `lang`, marked with the other language's `lang` when only that one has it. */
  function say(value, lang) {
    if (value === undefined) {
      return null;
    }
    if (typeof value === 'string') {
      return value;
    }
    if (value[lang]) {
      return value[lang];
    }
    var other = lang === 'sv' ? 'en' : 'sv';
    return el('span', { lang: other }, value[other]);
  }

  function link(href, content) {
    var safe = safeUrl(href);
    return safe ? el('a', { href: safe }, content) : content;
  }

  /** Lines joined by `<br>`, empty ones left out. */
  function lines(parts) {
    var out = [];
    parts.filter(Boolean).forEach(function (part, index) {
      if (index) {
        out.push(el('br', { key: 'br' + index }));
      }
      out.push(el(Fragment, { key: 'line' + index }, part));
    });
    return out;
  }

  function joined(parts, separator) {
    var out = [];
    parts.filter(Boolean).forEach(function (part, index) {
      if (index) {
        out.push(separator);
      }
      out.push(part);
    });
    return out.length ? el.apply(null, [Fragment, null].concat(out)) : null;
  }

  var fallbacks = {
    'ik-contact-card': function (config, lang) {
      var words = WORDS[lang];
      var phone = function (number, label) {
        var href = telHref(number);
        return el(Fragment, null, label + ': ', href ? el('a', { href: href }, number) : number);
      };
      var email = function (address) {
        return address && el(Fragment, null, words.email + ': ', link('mailto:' + address, address));
      };
      var person = config.person;
      var unit = config.unit;
      var out = [];
      if (person) {
        out.push(
          el.apply(
            null,
            ['p', { key: 'person' }].concat(
              lines(
                [joined([say(person.name, lang), say(person.role, lang)], ', ')]
                  .concat(
                    (person.phones || []).map(function (item) {
                      return phone(item.number, words[item.kind || 'phone']);
                    }),
                  )
                  .concat([email(person.email)]),
              ),
            ),
          ),
        );
      }
      if (unit) {
        var address = unit.address || {};
        out.push(
          el.apply(
            null,
            ['p', { key: 'unit' }].concat(
              lines([
                say(unit.name, lang),
                address.street,
                joined([address.postalCode, address.locality], ' '),
                unit.phone && phone(unit.phone, words.switchboard),
                email(unit.email),
                unit.url && el(Fragment, null, words.website + ': ', link(unit.url, unit.url.replace(/^https?:\/\/|\/$/g, ''))),
              ]),
            ),
          ),
        );
      }
      return out;
    },
    'ik-manifesto-card': function (config, lang, level) {
      var out = [];
      if (config.heading) {
        out.push(el('h' + level, { key: 'heading' }, say(config.heading, lang)));
      }
      if (config.lead) {
        out.push(el('p', { key: 'lead' }, say(config.lead, lang)));
      }
      if (config.link && safeUrl(config.link.href) && config.link.text) {
        out.push(el('p', { key: 'link' }, link(config.link.href, say(config.link.text, lang))));
      }
      return out;
    },
    'ik-share-form': function (config, lang) {
      return [el('p', { key: 'intro' }, joined([say(config.intro, lang), WORDS[lang].shareCopy], ' '))];
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
    var lang = attributes.lang === 'sv' || attributes.lang === 'en' ? attributes.lang : '';
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
    return { props: props, children: fallbacks[tag](config, lang || siteLang, level(attributes)) };
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
      value: props.attributes[name] || '',
      onChange: function (value) {
        var change = {};
        change[name] = value;
        props.setAttributes(change);
      },
    });
  }

  /** A text field in Swedish and in English, side by side in the sidebar. */
  function both(props, name, label, options) {
    /* translators: %s: the name of a field, such as "Heading". */
    var sv = sprintf(__('%s (Swedish)', 'industrikommun-widgets'), label);
    /* translators: %s: the name of a field, such as "Heading". */
    var en = sprintf(__('%s (English)', 'industrikommun-widgets'), label);
    return [field(props, name + 'Sv', sv, options), field(props, name + 'En', en, options)];
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
        options: [
          { value: '', label: __("The page's language", 'industrikommun-widgets') },
          { value: 'sv', label: 'Svenska' },
          { value: 'en', label: 'English' },
        ],
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

  register('industrikommun/contact-card', 'ik-contact-card');
  register('industrikommun/manifesto-card', 'ik-manifesto-card');
  register('industrikommun/share-form', 'ik-share-form');
})(window.wp, window.industrikommunWidgets);
