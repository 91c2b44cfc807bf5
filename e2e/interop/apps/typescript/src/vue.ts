// Vue 3: the tags are global components for Vue's template type-checking (vue-tsc, Volar).
import type { GlobalComponents } from 'vue';
import type { ContactConfig, ShareErrorDetail } from 'industrikommun-widgets';
import type {} from 'industrikommun-widgets/vue';

type Props<Tag extends keyof GlobalComponents> = InstanceType<GlobalComponents[Tag]>['$props'];

const contactProps: Props<'ik-contact-card'> = {
  config: { person: { name: 'Dick Eriksson' } } satisfies ContactConfig,
  lang: 'en',
  'heading-level': 3,
};
const shareProps: Props<'ik-share-form'> = {
  endpoint: '/api/share',
  timeout: 3000,
  onIkShareError: (event: CustomEvent<ShareErrorDetail>) => console.log(event.detail.status),
};
// @ts-expect-error a name is text, not a number
const wrong: Props<'ik-contact-card'> = { config: { person: { name: 42 } } };
export { contactProps, shareProps, wrong };
