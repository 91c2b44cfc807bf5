/**
 * A `tel:` link in E.164 form. A Swedish national number (leading `0`) gets
 * `+46` in place of its `0`; a number written with `+` or `00` keeps its
 * country code; short numbers (`112`, `1177`) stay as they are.
 */
export function telHref(number: string): string | undefined {
  const digits = number.replace(/\D/g, '');
  if (!digits) return undefined;
  const international = /^\s*\+/.test(number) ? digits : digits.startsWith('00') ? digits.slice(2) : undefined;
  if (international) return `tel:+${international}`;
  return digits.startsWith('0') ? `tel:+46${digits.slice(1)}` : `tel:${digits}`;
}

export const mailHref = (address: string) => `mailto:${address}`;
