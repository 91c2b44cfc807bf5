import { object, text, url, type Infer } from '../shared/schema.js';
import type { WidgetSpec } from '../shared/config.js';

export const shareSchema = object({
  heading: text,
  intro: text,
  endpoint: url(),
  url: url(),
  pageTitle: text,
  privacy: object({ text: text, href: url() }),
});

export type ShareConfig = Infer<typeof shareSchema>;

/** The attributes `endpoint`, `url` and `page-title`. */
export interface ShareAttributes {
  endpoint?: string | null;
  url?: string | null;
  pageTitle?: string | null;
}

export const shareSpec: WidgetSpec<ShareConfig> = {
  schema: shareSchema,
  // Called with the element itself. `clean` skips null and empty values, so absent attributes add nothing.
  fromAttributes: ({ endpoint, url, pageTitle }: ShareAttributes) => ({ endpoint, url, pageTitle }),
};
