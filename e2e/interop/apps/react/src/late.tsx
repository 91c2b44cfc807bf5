// React renders before the widgets' script has loaded (a lazy import, as a page that loads the
// widgets on demand does); the test loads it with window.loadWidgets().
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { contact } from './data';
import { ContactCardByRef, ShareForm } from './widgets';

declare global {
  interface Window {
    loadWidgets(): Promise<unknown>;
  }
}
window.loadWidgets = () => import('industrikommun-widgets');

function App() {
  const [lang, setLang] = useState<'sv' | 'en'>('sv');
  return (
    <main>
      <p>
        <button id="english" onClick={() => setLang(lang == 'sv' ? 'en' : 'sv')}>
          {lang == 'sv' ? 'English' : 'Svenska'}
        </button>
      </p>
      <ik-contact-card id="json" lang={lang} data-config={JSON.stringify(contact)}>
        <p>Dick Eriksson, näringslivschef, 0520-49 68 10</p>
      </ik-contact-card>
      <ContactCardByRef id="ref" lang={lang} config={contact}>
        <p>Dick Eriksson, näringslivschef, 0520-49 68 10</p>
      </ContactCardByRef>
      <ik-contact-card id="object" lang={lang} config={contact}>
        <p>Dick Eriksson, näringslivschef, 0520-49 68 10</p>
      </ik-contact-card>
      <ShareForm id="share" lang={lang} endpoint="/share-faults/hang" timeout={1500}>
        <p>Tipsa en vän om den här sidan.</p>
      </ShareForm>
      <ik-share-form id="share-attribute" lang={lang} endpoint="/share-faults/hang" timeout={1500}>
        <p>Tipsa en vän om den här sidan.</p>
      </ik-share-form>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(<App />);
