import type { MessageDescriptor } from "@lingui/core";
import { msg } from "@lingui/core/macro";
import type { EntryCode } from "./entry-points.js";

/** What each short link is printed on, and the words of its poster. */
export const entryPointTexts: Readonly<Record<EntryCode, { support: MessageDescriptor; title: MessageDescriptor; text: MessageDescriptor }>> = {
  livret: {
    support: msg`Livret des 1000 premiers jours (envoyé par la CAF ou la MSA après la déclaration de grossesse)`,
    title: msg`Votre grossesse, étape par étape`,
    text: msg`Ce qui compte maintenant, vos rendez-vous et vos droits, selon vos dates.`,
  },
  sac: {
    support: msg`Sac des 1000 premiers jours (remis à la maternité)`,
    title: msg`Les premières semaines avec bébé`,
    text: msg`Le retour à la maison, votre santé, votre moral, et qui appeler.`,
  },
  caf: {
    support: msg`Courrier de la CAF`,
    title: msg`Vos démarches et vos droits, au bon moment`,
    text: msg`Déclarations, congés, aides et examens, calculés selon vos dates.`,
  },
  "salle-attente": {
    support: msg`Affiche de salle d'attente (PMI, maternité, cabinet)`,
    title: msg`Les 1000 premiers jours de votre enfant`,
    text: msg`Informations officielles, calendrier et lieux près de chez vous. Gratuit, sans compte.`,
  },
};
