// The page that is rendered to HTML on the server (renderToString, in Node) and hydrated in the
// browser (hydrateRoot). Strings survive both (the configuration as data-config, person-role); the
// event listener and `timeout` go through a ref and an effect, because hydration sets neither.
import { useState } from 'react';
import type { SharePayload } from 'industrikommun-widgets';
import { contact } from './data';
import { ContactCard, ShareForm } from './widgets';

export function App() {
  const [lang, setLang] = useState<'sv' | 'en'>('sv');
  const [submitted, setSubmitted] = useState<SharePayload | null>(null);
  return (
    <main>
      <p>
        <button id="english" onClick={() => setLang(lang == 'sv' ? 'en' : 'sv')}>
          {lang == 'sv' ? 'English' : 'Svenska'}
        </button>
      </p>
      <ContactCard id="contact" lang={lang} config={contact}>
        <p>Dick Eriksson, näringslivschef, 0520-49 68 10</p>
      </ContactCard>
      <ik-contact-card id="plain" lang={lang} name="Katarina Loodh" person-role="Kommunikatör" phone="0520-49 50 00">
        <p>Katarina Loodh, kommunikatör, 0520-49 50 00</p>
      </ik-contact-card>
      <ShareForm id="share" lang={lang} endpoint="/api/share" timeout={3000} onSubmit={setSubmitted}>
        <p>Tipsa en vän om den här sidan.</p>
      </ShareForm>
      {submitted && (
        <p id="submitted">
          React got a message to {submitted.to} from {submitted.name}
        </p>
      )}
    </main>
  );
}
