/**
 * The French message catalogue: every text of the interface that is not editorial content.
 * Other languages and a FALC version will sit beside it with the same keys.
 */
export const fr = {
  app: {
    name: "Mille Jours",
    tagline: "Les 1000 premiers jours de l'enfant",
    brandTop: ["République", "Française"],
    homeTitle: "Accueil – Mille Jours",
    loading: "Chargement…",
    offline: "Vous êtes hors ligne : vous consultez la dernière version enregistrée sur cet appareil.",
    skipContent: "Contenu",
  },
  nav: {
    parcours: "Mon parcours",
    calendrier: "Calendrier",
    postPartum: "Post-partum",
    autour: "Autour de moi",
    profile: "Mon profil",
    myData: "Mes données",
    search: "Rechercher",
  },
  footer: {
    description:
      "Mille Jours accompagne les parents et futurs parents, du projet d'enfant aux 3 ans. Vos informations restent sur votre appareil.",
    licence: "Code sous licence Apache-2.0, contenus sous Licence Ouverte 2.0.",
  },
  search: {
    label: "Rechercher dans les articles",
    placeholder: "Rechercher : sommeil, vaccins, congé…",
  },
} as const;

export const t = fr;
