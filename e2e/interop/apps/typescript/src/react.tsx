// React 19 JSX: the tags with their properties and `onik-*` events type-check.
import type { ContactConfig } from 'industrikommun-widgets';
import type {} from 'industrikommun-widgets/react';

const contact: ContactConfig = { person: { name: 'Dick Eriksson' } };

export const Cards = () => (
  <>
    <ik-contact-card
      config={contact}
      lang="en"
      heading-level={3}
      onik-config-error={(event) => console.log(event.detail.source, event.detail.message)}
    />
    <ik-contact-card name="Dick Eriksson" person-role="Näringslivschef" phone="0520-49 68 10" email="dick@example.se" />
    <ik-manifesto-card data-config-src="/manifest.json" config={{ heading: { sv: 'Manifest', en: 'Manifesto' } }} />
    <ik-share-form
      endpoint="/api/share"
      timeout={3000}
      onik-share-submit={(event) => event.detail.to.endsWith('.se') || event.preventDefault()}
      onik-share-error={(event) => console.log(event.detail.status)}
    >
      <p>Tipsa en vän</p>
    </ik-share-form>
    {/* @ts-expect-error a contact card's config is a contact, not a manifesto */}
    <ik-contact-card config={{ person: { name: 42 } }} />
  </>
);
