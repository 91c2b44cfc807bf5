import { pick, type Lang } from '../shared/lang.js';
import type { Text } from '../shared/schema.js';
import { telHref } from '../shared/url.js';
import type { ContactConfig } from './contact-card.config.js';

/** RFC 6350 §3.4: backslash, comma, semicolon and newline are escaped in text values. */
const escape = (value = '') => value.replace(/[\\,;]/g, '\\$&').replace(/\r?\n/g, '\\n');

/** RFC 6350 §3.2: lines longer than 75 octets are folded, never inside a UTF-8 character. */
function fold(line: string): string {
  let out = '';
  let octets = 0;
  for (const char of line) {
    const size = new TextEncoder().encode(char).length;
    if (octets + size > 75) {
      out += '\r\n ';
      octets = 1;
    }
    out += char;
    octets += size;
  }
  return out;
}

/** A vCard 4.0 of the person and their unit, in the card's language. */
export function toVCard(config: ContactConfig, lang: Lang): string {
  const say = (value?: Text) => pick(value, lang).text;
  const { person, unit } = config;
  const name = say(person?.name);
  const unitName = say(unit?.name);
  const address = unit?.address;
  const lines = ['BEGIN:VCARD', 'VERSION:4.0', `FN:${escape(name ?? unitName)}`];
  if (name) {
    // N is family;given. Swedish names put the family name last.
    const parts = name.trim().split(/\s+/);
    lines.push(`N:${escape(parts.length > 1 ? parts.pop() : '')};${escape(parts.join(' '))};;;`);
  } else lines.push('KIND:org');
  if (person?.role) lines.push(`TITLE:${escape(say(person.role))}`);
  if (unitName) lines.push(`ORG:${escape(unitName)}`);
  for (const { number, kind } of [...(person?.phones ?? []), { number: unit?.phone ?? '' }]) {
    const tel = telHref(number);
    if (tel) lines.push(`TEL;VALUE=uri;TYPE=${kind == 'mobile' ? 'cell' : kind == 'fax' ? 'fax' : 'work'}:${tel}`);
  }
  for (const email of [person?.email, unit?.email]) if (email) lines.push(`EMAIL;TYPE=work:${email}`);
  if (address)
    lines.push(`ADR;TYPE=work:;;${escape(say(address.street))};${escape(say(address.locality))};;${escape(say(address.postalCode))};`);
  if (unit?.url) lines.push(`URL:${new URL(unit.url, document.baseURI).href}`);
  lines.push('END:VCARD');
  return lines.map(fold).join('\r\n') + '\r\n';
}

/** Offers `vcard` as a file download, built in the browser with no request. */
export function downloadVCard(vcard: string, fileName: string) {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([vcard], { type: 'text/vcard;charset=utf-8' }));
  link.download = `${fileName.replace(/[^\p{L}\p{N} _-]+/gu, '').trim() || 'kontakt'}.vcf`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}
