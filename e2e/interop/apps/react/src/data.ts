import type { ContactConfig } from 'industrikommun-widgets';

/** The card every React page shows: per-language texts, as an editor would give them. */
export const contact: ContactConfig = {
  person: {
    name: 'Dick Eriksson',
    role: { sv: 'Näringslivschef', en: 'Head of Business Development' },
    phones: [{ number: '0520-49 68 10', kind: 'work' }],
  },
  unit: { name: { sv: 'Näringslivsenheten', en: 'Business Development Unit' } },
};
