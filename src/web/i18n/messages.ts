import { msg } from "@lingui/core/macro";

/** Messages used by several pages (the site's name, its four pillars, the header's quick accesses). */
export const shared = {
  appName: msg`Mille Jours`,
  loading: msg`Chargement…`,
  parcours: msg`Mon parcours`,
  calendrier: msg`Calendrier`,
  postPartum: msg`Post-partum`,
  autour: msg`Autour de moi`,
  profile: msg`Mon profil`,
  myData: msg`Mes données`,
  searchLabel: msg`Rechercher dans les articles`,
  searchPlaceholder: msg`Rechercher : sommeil, vaccins, congé…`,
};
