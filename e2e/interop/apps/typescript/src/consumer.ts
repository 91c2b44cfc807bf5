// A site's own TypeScript: the tags, the events' details and the configuration types.
import type {
  ConfigErrorDetail,
  ContactConfig,
  IkContactCard,
  ManifestoConfig,
  ShareConfig,
  ShareErrorDetail,
  SharePayload,
} from 'industrikommun-widgets';

const contact: ContactConfig = {
  person: {
    name: 'Dick Eriksson',
    role: { sv: 'Näringslivschef', en: 'Head of Business Development' },
    phones: [{ number: '0520-49 68 10', kind: 'work' }],
  },
};
const manifesto: ManifestoConfig = { heading: 'Industriell förnyelse', figures: [{ value: 600000, label: 'sysselsatta' }] };
const share: ShareConfig = { endpoint: '/api/share', privacy: { href: '/integritet' } };

const card: IkContactCard = document.createElement('ik-contact-card');
card.config = contact;
card.lang = 'en';
document.querySelector('ik-manifesto-card')!.config = manifesto;
const form = document.querySelector('ik-share-form')!;
form.config = share;
form.timeout = 3000;

card.addEventListener('ik-config-error', (event) => {
  const detail: ConfigErrorDetail = event.detail;
  console.log(detail.source.toUpperCase(), detail.message.length);
});
form.addEventListener('ik-share-submit', (event) => {
  const payload: SharePayload = event.detail;
  if (!payload.to.endsWith('.se')) event.preventDefault();
});
form.addEventListener('ik-share-success', (event) => console.log(event.detail.url, event.detail.lang));
document.addEventListener('ik-share-error', (event) => {
  const detail: ShareErrorDetail = event.detail;
  const status: number = detail.status;
  console.log(status, detail.message);
});

// Mistakes the types catch.
// @ts-expect-error a name is text, not a number
const wrongName: ContactConfig = { person: { name: 42 } };
// @ts-expect-error an unknown phone kind
const wrongKind: ContactConfig = { person: { name: 'A', phones: [{ number: '1', kind: 'pager' }] } };
form.addEventListener('ik-share-error', (event) => {
  // @ts-expect-error the share error's detail has no `to`
  console.log(event.detail.to);
});
export { wrongName, wrongKind };
