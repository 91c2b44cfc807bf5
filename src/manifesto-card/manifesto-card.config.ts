import { list, number, object, string, text, url, type Infer } from '../shared/schema.js';
import type { WidgetSpec } from '../shared/config.js';

export const figureSchema = object({ value: number, qualifier: text, label: text }, ['value', 'label']);

export const prioritySchema = object({ title: text, text: text, href: url() }, ['title']);

export const manifestoSchema = object(
  {
    heading: text,
    lead: text,
    body: list(text),
    figures: list(figureSchema),
    priorities: list(prioritySchema),
    closing: text,
    // The href is not required: one dropped as unsafe should cost the link, not the card.
    link: object({ href: url(), text: text }, ['text']),
    reviewed: object({ date: string(undefined, /^\d{4}-\d\d-\d\d$/, 'write the date as YYYY-MM-DD'), by: text }, ['date']),
  },
  ['heading'],
);

export type ManifestoConfig = Infer<typeof manifestoSchema>;
export type Figure = Infer<typeof figureSchema>;
export type Priority = Infer<typeof prioritySchema>;

/** A date-time without a zone is local time, as the formatter uses: no day lost to the time zone. */
export const parseDate = (date: string) => new Date(date + 'T00:00');

export const manifestoSpec: WidgetSpec<ManifestoConfig> = {
  schema: manifestoSchema,
  // Date() rolls 2016-02-30 over to 1 March: a day that does not come back as written is not in the calendar.
  check: ({ reviewed }) =>
    reviewed && parseDate(reviewed.date).getDate() != +reviewed.date.slice(8) ? { code: 'no-such-day', path: 'reviewed.date' } : undefined,
};
