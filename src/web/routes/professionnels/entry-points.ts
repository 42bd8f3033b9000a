/**
 * Short, stable entry points printed on the official supports of the 1000 premiers jours: a QR code on each
 * opens Mille Jours at the right place. The codes never change (printed paper lives for years); their target
 * may. No tracking: the short path is all the server sees, like any page.
 */
export interface EntryPoint {
  code: string;
  /** The support it is printed on. */
  support: string;
  /** Where it leads, and why. */
  to: string;
  poster: { title: string; text: string };
}

export const ENTRY_POINTS: EntryPoint[] = [
  {
    code: "livret",
    support: "Livret des 1000 premiers jours (envoyé par la CAF ou la MSA après la déclaration de grossesse)",
    to: "/parcours",
    poster: { title: "Votre grossesse, étape par étape", text: "Ce qui compte maintenant, vos rendez-vous et vos droits, selon vos dates." },
  },
  {
    code: "sac",
    support: "Sac des 1000 premiers jours (remis à la maternité)",
    to: "/post-partum",
    poster: { title: "Les premières semaines avec bébé", text: "Le retour à la maison, votre santé, votre moral, et qui appeler." },
  },
  {
    code: "caf",
    support: "Courrier de la CAF",
    to: "/calendrier",
    poster: { title: "Vos démarches et vos droits, au bon moment", text: "Déclarations, congés, aides et examens, calculés selon vos dates." },
  },
  {
    code: "salle-attente",
    support: "Affiche de salle d'attente (PMI, maternité, cabinet)",
    to: "/",
    poster: {
      title: "Les 1000 premiers jours de votre enfant",
      text: "Informations officielles, calendrier et lieux près de chez vous. Gratuit, sans compte.",
    },
  },
];

export function entryPoint(code: string | undefined): EntryPoint | undefined {
  return ENTRY_POINTS.find((e) => e.code === code);
}

export const entryPath = (code: string) => `/d/${code}`;
