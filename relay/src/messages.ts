/**
 * Every text the relay answers with, per language of the contract's one list (`LANGUAGES` in
 * `src/contract/languages.ts`). The table is typed `Record<Language, Texts>`: a language added to that
 * list without its texts here fails type checking. Errors carry codes; the text is made from the code
 * here, and nothing anywhere reads a text back.
 *
 * Finnish (fi) and Arabic (ar) were written by the developers, not by native speakers: no speaker has
 * reviewed them yet (the README's language table says the same). Swedish and English are reviewed.
 */
import { FIELD_LIMITS, SOURCE_LANGUAGE, toLanguage, type Language } from '#contract';

/** A text that depends on a count: one text per plural category the language has (`Intl.PluralRules`). */
export type Plural = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/**
 * The codes, and what each text may use: `{max}` a field's limit, `{found}` the text to remove,
 * `{method}` an HTTP method, `{n}` the count of a plural text.
 */
export interface Texts {
  'to.required': string;
  'to.format': string;
  'name.required': string;
  'name.length': string;
  'name.oneLine': string;
  'name.control': string;
  'name.format': string;
  'name.link': string;
  'from.required': string;
  'from.format': string;
  'message.required': string;
  'message.length': string;
  'message.control': string;
  'message.link': string;
  'message.email': string;
  'url.format': string;
  'url.notAllowed': string;
  'title.format': string;
  'title.link': string;
  'lang.format': string;
  badJson: string;
  badType: string;
  badKey: string;
  tooLarge: string;
  /** 429: this visitor's own limit was reached; `{n}` minutes until it frees up */
  limitClient: Plural;
  /** 429: the whole service's limit was reached for now; `{n}` minutes */
  limitService: Plural;
  /** 422: the same Idempotency-Key came with another message */
  keyReused: string;
  busy: string;
  inFlight: string;
  origin: string;
  notFound: string;
  method: string;
}

export type MessageKey = keyof Texts;

// Each message says how to fix the problem, since the form shows it next to the field. url, title and
// lang come from the page, not the visitor: the page's owner is the one who has to act, and the text says so.
export const MESSAGES: Record<Language, Texts> = {
  sv: {
    'to.required': 'Skriv mottagarens e-postadress',
    'to.format': 'Skriv mottagarens e-postadress i rätt format, till exempel namn@exempel.se',
    'name.required': 'Skriv ditt namn',
    'name.length': 'Namnet får vara högst {max} tecken',
    'name.oneLine': 'Skriv namnet på en rad',
    'name.control': 'Namnet innehåller osynliga styrtecken. Skriv det igen utan dem.',
    'name.format': 'Skriv bara ditt namn, utan tecknen < och >',
    'name.link': 'Ta bort ”{found}”: skriv bara ditt namn, utan webbadress eller e-postadress',
    'from.required': 'Skriv din e-postadress',
    'from.format': 'Skriv din e-postadress i rätt format, till exempel namn@exempel.se',
    'message.required': 'Skriv ditt meddelande',
    'message.length': 'Meddelandet får vara högst {max} tecken',
    'message.control': 'Meddelandet innehåller osynliga styrtecken. Skriv det igen utan dem.',
    'message.link': 'Ta bort ”{found}” ur meddelandet: webbadresser skickas inte, men länken till sidan kommer med ändå',
    'message.email': 'Ta bort ”{found}” ur meddelandet: mottagaren kan svara direkt på mejlet till din adress',
    'url.format': 'Sidans adress måste vara en webbadress som börjar med http:// eller https://',
    'url.notAllowed': 'Den här sidan kan inte delas med formuläret. Kontakta webbplatsens ägare.',
    'title.format': 'Sidans titel måste vara text på en rad, högst {max} tecken. Kontakta webbplatsens ägare.',
    'title.link':
      'Sidans titel innehåller ”{found}”, och webbadresser skickas inte i mejlet. Det är sidans titel som behöver ändras: kontakta webbplatsens ägare.',
    'lang.format': 'Sidans språk måste anges som en språkkod, till exempel sv. Kontakta webbplatsens ägare.',
    badJson: 'Servern kunde inte läsa formuläret. Ladda om sidan och försök igen.',
    badType: 'Skicka formuläret som JSON (Content-Type: application/json).',
    badKey: 'Idempotency-Key måste vara 1–200 tecken: bokstäver a–z, siffror och - _ . :',
    tooLarge: 'Formuläret är för stort. Korta meddelandet och försök igen.',
    limitClient: {
      one: 'Du har skickat många tips på kort tid. Försök igen om {n} minut.',
      other: 'Du har skickat många tips på kort tid. Försök igen om {n} minuter.',
    },
    limitService: {
      one: 'Tjänsten har tagit emot så många tips att den inte tar emot fler just nu. Ditt tips skickades inte. Försök igen om {n} minut.',
      other:
        'Tjänsten har tagit emot så många tips att den inte tar emot fler just nu. Ditt tips skickades inte. Försök igen om {n} minuter.',
    },
    keyReused: 'Det här tipset skickades redan med ett annat innehåll. Ladda om sidan och skicka det nya tipset.',
    busy: 'Tjänsten kan inte ta emot tips just nu. Försök igen om en stund.',
    inFlight: 'Det här tipset håller redan på att skickas. Försök igen om en stund.',
    origin: 'Formuläret får bara skickas från webbplatsens egna sidor.',
    notFound: 'Här finns ingenting.',
    method: 'Använd {method}.',
  },
  en: {
    'to.required': "Enter the recipient's email address",
    'to.format': "Enter the recipient's email address in the correct format, like name@example.com",
    'name.required': 'Enter your name',
    'name.length': 'Your name must be {max} characters or fewer',
    'name.oneLine': 'Write your name on one line',
    'name.control': 'Your name contains invisible control characters. Type it again without them.',
    'name.format': 'Enter just your name, without the characters < and >',
    'name.link': 'Remove “{found}”: enter just your name, without a web or email address',
    'from.required': 'Enter your email address',
    'from.format': 'Enter your email address in the correct format, like name@example.com',
    'message.required': 'Enter your message',
    'message.length': 'The message must be {max} characters or fewer',
    'message.control': 'The message contains invisible control characters. Type it again without them.',
    'message.link': 'Remove “{found}” from the message: web addresses are not sent, but the link to the page is included anyway',
    'message.email': 'Remove “{found}” from the message: the recipient can reply to the email to reach you',
    'url.format': 'The page address must be a web address starting with http:// or https://',
    'url.notAllowed': 'This page cannot be shared with this form. Contact the owner of the website.',
    'title.format': 'The page title must be text on one line, {max} characters or fewer. Contact the owner of the website.',
    'title.link':
      'The page title contains “{found}”, and web addresses are not sent in the email. The page title needs to change: contact the owner of the website.',
    'lang.format': "The page's language must be a language code such as en. Contact the owner of the website.",
    badJson: 'The server could not read the form. Reload the page and try again.',
    badType: 'Send the form as JSON (Content-Type: application/json).',
    badKey: 'Idempotency-Key must be 1–200 characters: letters a–z, digits and - _ . :',
    tooLarge: 'The form is too large. Shorten the message and try again.',
    limitClient: {
      one: 'You have sent many tips in a short time. Try again in {n} minute.',
      other: 'You have sent many tips in a short time. Try again in {n} minutes.',
    },
    limitService: {
      one: 'The service has received so many tips that it is taking no more right now. Your tip was not sent. Try again in {n} minute.',
      other: 'The service has received so many tips that it is taking no more right now. Your tip was not sent. Try again in {n} minutes.',
    },
    keyReused: 'This tip was already sent with different content. Reload the page and send the new tip.',
    busy: 'The service cannot take tips right now. Try again in a little while.',
    inFlight: 'This tip is already being sent. Try again in a little while.',
    origin: "The form may only be sent from the website's own pages.",
    notFound: 'Nothing here.',
    method: 'Use {method}.',
  },
  // Not reviewed by a native speaker.
  fi: {
    'to.required': 'Kirjoita vastaanottajan sähköpostiosoite',
    'to.format': 'Kirjoita vastaanottajan sähköpostiosoite oikeassa muodossa, esimerkiksi nimi@esimerkki.fi',
    'name.required': 'Kirjoita nimesi',
    'name.length': 'Nimessä voi olla enintään {max} merkkiä',
    'name.oneLine': 'Kirjoita nimi yhdelle riville',
    'name.control': 'Nimessä on näkymättömiä ohjausmerkkejä. Kirjoita se uudelleen ilman niitä.',
    'name.format': 'Kirjoita pelkkä nimesi ilman merkkejä < ja >',
    'name.link': 'Poista ”{found}”: kirjoita pelkkä nimesi ilman verkko- tai sähköpostiosoitetta',
    'from.required': 'Kirjoita sähköpostiosoitteesi',
    'from.format': 'Kirjoita sähköpostiosoitteesi oikeassa muodossa, esimerkiksi nimi@esimerkki.fi',
    'message.required': 'Kirjoita viestisi',
    'message.length': 'Viestissä voi olla enintään {max} merkkiä',
    'message.control': 'Viestissä on näkymättömiä ohjausmerkkejä. Kirjoita se uudelleen ilman niitä.',
    'message.link': 'Poista viestistä ”{found}”: verkko-osoitteita ei lähetetä, mutta linkki sivulle tulee mukaan joka tapauksessa',
    'message.email': 'Poista viestistä ”{found}”: vastaanottaja voi vastata sinulle suoraan sähköpostiin',
    'url.format': 'Sivun osoitteen on oltava verkko-osoite, joka alkaa http:// tai https://',
    'url.notAllowed': 'Tätä sivua ei voi jakaa tällä lomakkeella. Ota yhteyttä verkkosivuston ylläpitäjään.',
    'title.format': 'Sivun otsikon on oltava yksirivistä tekstiä, enintään {max} merkkiä. Ota yhteyttä verkkosivuston ylläpitäjään.',
    'title.link':
      'Sivun otsikossa on ”{found}”, eikä verkko-osoitteita lähetetä sähköpostissa. Sivun otsikkoa on muutettava: ota yhteyttä verkkosivuston ylläpitäjään.',
    'lang.format': 'Sivun kieli on annettava kielikoodina, esimerkiksi fi. Ota yhteyttä verkkosivuston ylläpitäjään.',
    badJson: 'Palvelin ei pystynyt lukemaan lomaketta. Lataa sivu uudelleen ja yritä uudelleen.',
    badType: 'Lähetä lomake JSON-muodossa (Content-Type: application/json).',
    badKey: 'Idempotency-Key-arvossa on oltava 1–200 merkkiä: kirjaimia a–z, numeroita ja merkkejä - _ . :',
    tooLarge: 'Lomake on liian suuri. Lyhennä viestiä ja yritä uudelleen.',
    limitClient: {
      one: 'Olet lähettänyt monta vinkkiä lyhyessä ajassa. Yritä uudelleen {n} minuutin kuluttua.',
      other: 'Olet lähettänyt monta vinkkiä lyhyessä ajassa. Yritä uudelleen {n} minuutin kuluttua.',
    },
    limitService: {
      one: 'Palvelu on vastaanottanut niin monta vinkkiä, ettei se ota juuri nyt vastaan uusia. Vinkkiäsi ei lähetetty. Yritä uudelleen {n} minuutin kuluttua.',
      other:
        'Palvelu on vastaanottanut niin monta vinkkiä, ettei se ota juuri nyt vastaan uusia. Vinkkiäsi ei lähetetty. Yritä uudelleen {n} minuutin kuluttua.',
    },
    keyReused: 'Tämä vinkki on jo lähetetty eri sisällöllä. Lataa sivu uudelleen ja lähetä uusi vinkki.',
    busy: 'Palvelu ei voi ottaa vastaan vinkkejä juuri nyt. Yritä hetken kuluttua uudelleen.',
    inFlight: 'Tätä vinkkiä lähetetään jo. Yritä hetken kuluttua uudelleen.',
    origin: 'Lomakkeen voi lähettää vain verkkosivuston omilta sivuilta.',
    notFound: 'Täällä ei ole mitään.',
    method: 'Käytä {method}-pyyntöä.',
  },
  // Not reviewed by a native speaker. The plural forms follow Arabic's six categories: with 3–10 the
  // noun is plural (دقائق), from 11 it is singular accusative (دقيقة); 1 and 2 have their own words.
  ar: {
    'to.required': 'اكتب عنوان البريد الإلكتروني للمستلم',
    'to.format': 'اكتب عنوان البريد الإلكتروني للمستلم بالصيغة الصحيحة، مثل name@example.com',
    'name.required': 'اكتب اسمك',
    'name.length': 'يجب ألا يزيد الاسم على {max} حرف',
    'name.oneLine': 'اكتب الاسم في سطر واحد',
    'name.control': 'يحتوي الاسم على رموز تحكم غير مرئية. اكتبه مرة أخرى من دونها.',
    'name.format': 'اكتب اسمك فقط، من دون الرمزين < و >',
    'name.link': 'احذف «{found}»: اكتب اسمك فقط، من دون عنوان موقع أو بريد إلكتروني',
    'from.required': 'اكتب عنوان بريدك الإلكتروني',
    'from.format': 'اكتب عنوان بريدك الإلكتروني بالصيغة الصحيحة، مثل name@example.com',
    'message.required': 'اكتب رسالتك',
    'message.length': 'يجب ألا تزيد الرسالة على {max} حرف',
    'message.control': 'تحتوي الرسالة على رموز تحكم غير مرئية. اكتبها مرة أخرى من دونها.',
    'message.link': 'احذف «{found}» من الرسالة: لا تُرسَل عناوين المواقع، لكن رابط الصفحة يُرسَل على أي حال',
    'message.email': 'احذف «{found}» من الرسالة: يستطيع المستلم أن يرد على البريد ليصل إليك',
    'url.format': 'يجب أن يكون عنوان الصفحة عنوان موقع يبدأ بـ http:// أو https://',
    'url.notAllowed': 'لا يمكن مشاركة هذه الصفحة بهذا النموذج. تواصل مع صاحب الموقع.',
    'title.format': 'يجب أن يكون عنوان الصفحة نصًا في سطر واحد، لا يزيد على {max} حرف. تواصل مع صاحب الموقع.',
    'title.link': 'يحتوي عنوان الصفحة على «{found}»، ولا تُرسَل عناوين المواقع في البريد. يجب تغيير عنوان الصفحة: تواصل مع صاحب الموقع.',
    'lang.format': 'يجب أن تُكتب لغة الصفحة برمز لغة، مثل ar. تواصل مع صاحب الموقع.',
    badJson: 'لم يتمكن الخادم من قراءة النموذج. أعد تحميل الصفحة وحاول مرة أخرى.',
    // U+200F (right-to-left mark) keeps the parenthesis after the Latin word on the right side.
    badType: 'أرسل النموذج بصيغة JSON \u200f(Content-Type: application/json).',
    badKey: 'يجب أن يتكون Idempotency-Key من 1 إلى 200 رمز: أحرف a–z وأرقام و - _ . :',
    tooLarge: 'النموذج كبير جدًا. اختصر الرسالة وحاول مرة أخرى.',
    limitClient: {
      zero: 'لقد أرسلت نصائح كثيرة في وقت قصير. حاول مرة أخرى بعد قليل.',
      one: 'لقد أرسلت نصائح كثيرة في وقت قصير. حاول مرة أخرى بعد دقيقة واحدة.',
      two: 'لقد أرسلت نصائح كثيرة في وقت قصير. حاول مرة أخرى بعد دقيقتين.',
      few: 'لقد أرسلت نصائح كثيرة في وقت قصير. حاول مرة أخرى بعد {n} دقائق.',
      many: 'لقد أرسلت نصائح كثيرة في وقت قصير. حاول مرة أخرى بعد {n} دقيقة.',
      other: 'لقد أرسلت نصائح كثيرة في وقت قصير. حاول مرة أخرى بعد {n} دقيقة.',
    },
    limitService: {
      zero: 'تلقت الخدمة عددًا كبيرًا من النصائح ولا تستقبل المزيد الآن. لم تُرسَل نصيحتك. حاول مرة أخرى بعد قليل.',
      one: 'تلقت الخدمة عددًا كبيرًا من النصائح ولا تستقبل المزيد الآن. لم تُرسَل نصيحتك. حاول مرة أخرى بعد دقيقة واحدة.',
      two: 'تلقت الخدمة عددًا كبيرًا من النصائح ولا تستقبل المزيد الآن. لم تُرسَل نصيحتك. حاول مرة أخرى بعد دقيقتين.',
      few: 'تلقت الخدمة عددًا كبيرًا من النصائح ولا تستقبل المزيد الآن. لم تُرسَل نصيحتك. حاول مرة أخرى بعد {n} دقائق.',
      many: 'تلقت الخدمة عددًا كبيرًا من النصائح ولا تستقبل المزيد الآن. لم تُرسَل نصيحتك. حاول مرة أخرى بعد {n} دقيقة.',
      other: 'تلقت الخدمة عددًا كبيرًا من النصائح ولا تستقبل المزيد الآن. لم تُرسَل نصيحتك. حاول مرة أخرى بعد {n} دقيقة.',
    },
    keyReused: 'أُرسلت هذه النصيحة من قبل بمحتوى مختلف. أعد تحميل الصفحة وأرسل النصيحة الجديدة.',
    busy: 'لا تستطيع الخدمة استقبال النصائح الآن. حاول مرة أخرى بعد قليل.',
    inFlight: 'هذه النصيحة قيد الإرسال بالفعل. حاول مرة أخرى بعد قليل.',
    origin: 'لا يمكن إرسال النموذج إلا من صفحات الموقع نفسه.',
    notFound: 'لا يوجد شيء هنا.',
    method: 'استخدم {method}.',
  },
};

/** What a text may be filled with. `found` is text a visitor typed: it is isolated, so that it cannot turn the sentence around. */
export interface Params {
  max?: number;
  found?: string;
  method?: string;
  n?: number;
}

// U+2068 FIRST STRONG ISOLATE … U+2069 POP DIRECTIONAL ISOLATE: a left-to-right address stays whole
// inside an Arabic sentence, and Arabic letters a visitor typed cannot reorder a Swedish one.
const isolate = (text: string) => `\u2068${text}\u2069`;

const pluralRules = new Map<Language, Intl.PluralRules>();

/** The plural category of `n` in `lang` (`Intl.PluralRules`; Arabic has zero, one, two, few, many, other). */
export function pluralCategory(lang: Language, n: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(lang);
  if (!rules) pluralRules.set(lang, (rules = new Intl.PluralRules(lang)));
  return rules.select(n);
}

/** The text for `key` in `lang`, filled in. Numbers are written with `Intl` for the language. */
export function say(lang: Language, key: MessageKey, params: Params = {}): string {
  const entry = MESSAGES[lang][key];
  const template = typeof entry === 'string' ? entry : (entry[pluralCategory(lang, params.n ?? 0)] ?? entry.other);
  return template.replace(/\{(max|found|method|n)\}/g, (_, name: keyof Params) => {
    const value = params[name];
    if (value === undefined) return '';
    if (typeof value === 'number') return new Intl.NumberFormat(lang).format(value);
    return name === 'found' ? isolate(value) : value;
  });
}

/** The text of a field's problem, by the codes `validateShare` gives (`name` + `length`). */
export function fieldText(lang: Language, field: string, code: string, found?: string): string {
  const key = `${field}.${code}`;
  const table = MESSAGES[lang] as unknown as Record<string, unknown>;
  // A code without a text of its own for this field reads as the field's format problem.
  const known = (Object.hasOwn(table, key) ? key : `${field}.format`) as MessageKey;
  const max = (FIELD_LIMITS as Record<string, number>)[field];
  return say(lang, known, { max, found });
}

/**
 * The language of an `Accept-Language` header (`fi-FI,fi;q=0.9,en;q=0.8`): the preferred one we speak,
 * by weight and then order, else Swedish.
 */
export function langOfAcceptLanguage(header: unknown): Language {
  if (typeof header !== 'string') return SOURCE_LANGUAGE;
  const ranges = header
    .split(',')
    .map((part, index) => {
      const [tag, ...rest] = part.trim().split(';');
      const q = rest.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.trim(), weight: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((range) => range.tag && range.tag !== '*' && range.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const range of ranges) {
    const base = range.tag.split(/[-_]/)[0].toLowerCase();
    if (toLanguage(base) === base) return base as Language;
  }
  return SOURCE_LANGUAGE;
}
