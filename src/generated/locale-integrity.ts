// Do not modify this file by hand! Written by scripts/locale-data.mjs from the generated locales.

/** SHA-384 of each loaded language's JSON (dist/locales/<lang>.json), for fetch's integrity check. */
export const localeIntegrity: Record<string, string> = {
  "fi": "sha384-0lYG6evnDgZ2frDx8sXU2GVAMktxH1X59MoabkD/uEb99y81AeQoiq0FPdUbf/lm",
  "ar": "sha384-/p9cyzD8bTxTYFwNHjsDOmk8kvm+YHTGDyoLicayxklUW/aPjBdM5fiHOYSvEnMT"
};
