import type { ContactConfig } from 'industrikommun-widgets';
import type {} from 'industrikommun-widgets/react'; // React 19 JSX types for the tags

/** The card every React page shows: per-language texts, as an editor would give them. */
export const contact: ContactConfig = {
  person: {
    name: 'Dick Eriksson',
    role: { sv: 'Näringslivschef', en: 'Head of Business Development' },
    phones: [{ number: '0520-49 68 10', kind: 'work' }],
  },
  unit: { name: { sv: 'Näringslivsenheten', en: 'Business Development Unit' } },
};
