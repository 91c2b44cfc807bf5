// Do not modify this file by hand! Written by scripts/locale-data.mjs from the generated locales.

/** SHA-384 of each loaded language's JSON (dist/locales/<lang>.json), for fetch's integrity check. */
export const localeIntegrity: Record<string, string> = {
  "fi": "sha384-ZkWUFvlPCDCs7QqbhyWinoH9gwBk8pBXhrdTBohgxmDuMA1nskdYvuJJQkqVHNS7",
  "ar": "sha384-antB79tjLxr7eQ6blokXC422Ns/JL0Nk4vKPAs1xiPOyHKa+2yu52V9qxIPMEGB9"
};
