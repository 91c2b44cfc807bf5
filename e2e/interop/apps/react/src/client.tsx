// Client render: the widgets' module is imported first, so every tag is defined before React
// renders, and React 19 sets `config`, `timeout` and the `onik-*` listeners as properties and events.
import 'industrikommun-widgets';
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { ConfigErrorDetail, ContactConfig, SharePayload } from 'industrikommun-widgets';
import { contact } from './data';

function App() {
  const [lang, setLang] = useState<'sv' | 'en'>('sv');
  const [config, setConfig] = useState<ContactConfig>(contact);
  const [shown, setShown] = useState(true);
  const [submitted, setSubmitted] = useState<SharePayload | null>(null);
  const [configError, setConfigError] = useState<ConfigErrorDetail | null>(null);
  return (
    <main>
      <p>
        <button id="english" onClick={() => setLang(lang == 'sv' ? 'en' : 'sv')}>
          {lang == 'sv' ? 'English' : 'Svenska'}
        </button>
        <button id="rename" onClick={() => setConfig({ ...config, person: { ...config.person!, name: 'Katarina Loodh' } })}>
          Rename
        </button>
        <button id="toggle" onClick={() => setShown(!shown)}>
          {shown ? 'Hide' : 'Show'}
        </button>
      </p>
      {shown && (
        <ik-contact-card id="contact" lang={lang} config={config} heading-level={3}>
          <p>Dick Eriksson, näringslivschef, 0520-49 68 10</p>
        </ik-contact-card>
      )}
      <ik-manifesto-card
        id="bad"
        lang={lang}
        config={{ lead: 'A manifesto without its heading' }}
        onik-config-error={(event) => setConfigError(event.detail)}
      >
        <p>Industriell förnyelse är riktningen för Sveriges Industrikommuner.</p>
      </ik-manifesto-card>
      {configError && (
        <p id="config-error">
          The page saw: {configError.source}: {configError.message}
        </p>
      )}
      <ik-share-form
        id="share"
        lang={lang}
        endpoint="/api/share"
        timeout={3000}
        onik-share-submit={(event) => {
          event.preventDefault();
          setSubmitted(event.detail);
        }}
      >
        <p>Tipsa en vän om den här sidan.</p>
      </ik-share-form>
      {submitted && (
        <p id="submitted">
          React got a message to {submitted.to} from {submitted.name}
        </p>
      )}
    </main>
  );
}

createRoot(document.getElementById('root')!).render(<App />);
