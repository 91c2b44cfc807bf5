// The patterns docs/frameworks.md shows for server rendering and for rendering before the widgets'
// script has loaded: React's hydration sets no properties and adds no `on*` listeners on custom
// elements, and before the tag is defined React turns an object prop into the attribute
// "[object Object]".
import { useEffect, useRef, type ReactNode } from 'react';
import type { ContactConfig, IkContactCard, IkShareForm, SharePayload } from 'industrikommun-widgets';

/** The configuration as a JSON string: in the server's HTML, so the card is right from its first render. */
export function ContactCard({ config, id, lang, children }: { config: ContactConfig; id?: string; lang?: string; children?: ReactNode }) {
  return (
    <ik-contact-card id={id} lang={lang} data-config={JSON.stringify(config)}>
      {children}
    </ik-contact-card>
  );
}

/** The `config` property from an effect (a ref and an effect set the property and add the listener in every case). */
export function ContactCardByRef({
  config,
  id,
  lang,
  children,
}: {
  config: ContactConfig;
  id?: string;
  lang?: string;
  children?: ReactNode;
}) {
  const ref = useRef<IkContactCard>(null);
  useEffect(() => {
    if (ref.current) ref.current.config = config;
  }, [config]);
  return (
    <ik-contact-card ref={ref} id={id} lang={lang}>
      {children}
    </ik-contact-card>
  );
}

export function ShareForm({
  endpoint,
  timeout,
  onSubmit,
  id,
  lang,
  children,
}: {
  endpoint: string;
  timeout?: number;
  onSubmit?: (payload: SharePayload) => void;
  id?: string;
  lang?: string;
  children?: ReactNode;
}) {
  const ref = useRef<IkShareForm>(null);
  useEffect(() => {
    const form = ref.current;
    if (!form) return;
    if (timeout) form.timeout = timeout;
    if (!onSubmit) return;
    const listener = (event: HTMLElementEventMap['ik-share-submit']) => {
      event.preventDefault(); // the page handles the message itself: nothing is sent
      onSubmit(event.detail);
    };
    form.addEventListener('ik-share-submit', listener);
    return () => form.removeEventListener('ik-share-submit', listener);
  }, [timeout, onSubmit]);
  return (
    <ik-share-form ref={ref} id={id} lang={lang} endpoint={endpoint}>
      {children}
    </ik-share-form>
  );
}
