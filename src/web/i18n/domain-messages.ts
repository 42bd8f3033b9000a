import { msg } from "@lingui/core/macro";
import type { MessageDescriptor } from "@lingui/core";
import { i18n } from "@lingui/core";
import { parentMessageCode, type ParentMessage, type ParentMessageCode } from "../../domain/parent-messages.js";

/**
 * The domain's messages for a parent (src/domain/parent-messages.ts, French, by stable code) in the interface's
 * language: the one mapping from a code to the catalogue. Its French is the domain's, word for word
 * (domain-messages.test.ts checks it, and that every catalogue has every message).
 */
export const domainMessages: Record<ParentMessageCode, MessageDescriptor> = {
  "date.nonexistent": msg`Cette date n'existe pas ou est incomplète (par exemple le 30 février) : vérifiez le jour, le mois et l'année.`,
  "profile.terme.too-far": msg`La date du terme est à plus de 42 semaines d'aujourd'hui : vérifiez l'année saisie.`,
  "profile.terme.past": msg`La date du terme est passée depuis plus de 2 semaines : si votre bébé est né, indiquez plutôt sa date de naissance.`,
  "profile.ddr.future": msg`La date des dernières règles ne peut pas être dans le futur.`,
  "profile.ddr.terme-past": msg`Avec cette date des dernières règles, le terme serait passé depuis plus de 2 semaines : vérifiez la date, ou indiquez la date de naissance si votre bébé est né.`,
  "profile.birth.future": msg`La date de naissance ne peut pas être dans le futur : pour une grossesse en cours, indiquez la date du terme.`,
  "profile.birth.too-old": msg`Cette date de naissance est trop ancienne (plus de 18 ans) : vérifiez l'année.`,
  "profile.situation.missing": msg`Choisissez au moins une situation : projet d'enfant, grossesse en cours ou enfant né.`,
  "profile.situation.both": msg`Choisissez soit « projet d'enfant », soit « grossesse en cours », pas les deux.`,
  "profile.babies.range": msg`Indiquez le nombre de bébés attendus (de 1 à 8).`,
  "profile.expected-terme.before-birth": msg`Le terme prévu d'un bébé né prématurément est après sa date de naissance.`,
  "profile.expected-terme.too-far": msg`Le terme prévu est à plus de 20 semaines de la naissance : vérifiez les dates.`,
  "profile.first-name.too-long": msg`Le prénom est trop long (60 caractères au plus).`,

  "appointment.title.missing": msg`Donnez un nom au rendez-vous.`,
  "appointment.date.invalid": msg`Indiquez une date réelle (par exemple le 14/01/2027).`,

  "backup.not-json": msg`Ce fichier n'est pas une sauvegarde Mille Jours lisible (ce n'est pas du JSON valide). Aucune donnée n'a été modifiée.`,
  "backup.not-backup": msg`Ce fichier n'est pas une sauvegarde Mille Jours. Aucune donnée n'a été modifiée.`,
  "backup.newer-version": msg`Cette sauvegarde vient d'une version de Mille Jours que cette application ne sait pas lire. Mettez l'application à jour. Aucune donnée n'a été modifiée.`,
  "backup.damaged-date": msg({ message: "Cette sauvegarde est abîmée ou incomplète : {part} n'est pas une date qui existe. Aucune donnée n'a été modifiée." }),
  "backup.damaged": msg({ message: "Cette sauvegarde est abîmée ou incomplète : un problème porte sur {part}. Aucune donnée n'a été modifiée." }),
  "backup.part.terme": msg`la date du terme`,
  "backup.part.ddr": msg`la date des dernières règles`,
  "backup.part.babies": msg`le nombre de bébés attendus`,
  "backup.part.pregnancy": msg`la grossesse`,
  "backup.part.child-birth-date": msg({ message: "la date de naissance de l'enfant {n}" }),
  "backup.part.child-expected-terme": msg({ message: "le terme prévu de l'enfant {n}" }),
  "backup.part.child-first-name": msg({ message: "le prénom de l'enfant {n}" }),
  "backup.part.child": msg({ message: "l'enfant {n}" }),
  "backup.part.situations": msg`les situations du profil`,
  "backup.part.calendar": msg`les réponses qui affinent le calendrier`,
  "backup.part.profile": msg`le profil`,
  "backup.part.epds-one": msg({ message: "le résultat de questionnaire n° {n}" }),
  "backup.part.epds": msg`les résultats de questionnaire`,
  "backup.part.development-one": msg({ message: "le repérage du développement n° {n}" }),
  "backup.part.development": msg`les repérages du développement`,
  "backup.part.appointment-date": msg({ message: "la date du rendez-vous personnel n° {n}" }),
  "backup.part.appointment-one": msg({ message: "le rendez-vous personnel n° {n}" }),
  "backup.part.appointments": msg`les rendez-vous personnels`,
  "backup.part.calendar-done": msg`les événements du calendrier marqués faits`,
  "backup.part.marks": msg`les articles lus ou favoris`,
  "backup.part.header": msg`l'en-tête du fichier`,

  "handover.empty": msg`Ce lien ne contient rien à enregistrer. Demandez au professionnel de vous le renvoyer.`,
  "handover.broken": msg`Ce lien est incomplet ou abîmé : demandez au professionnel de vous le renvoyer, ou scannez de nouveau le QR code.`,
  "handover.newer-version": msg`Ce lien vient d'une version plus récente de Mille Jours : rechargez la page (ou mettez l'application à jour), puis rouvrez le lien.`,
  "handover.dates-refused": msg`Les dates de ce lien ne peuvent pas être enregistrées :`,

  "callback.name.missing": msg`Indiquez un prénom ou un pseudonyme.`,
  "callback.name.too-long": msg`Le prénom ou pseudonyme compte 60 caractères au plus.`,
  "callback.name.control": msg`Le prénom ou pseudonyme ne peut pas contenir de retour à la ligne ni de caractère de contrôle.`,
  "callback.name.no-letter": msg`Indiquez un prénom ou un pseudonyme avec au moins une lettre ou un chiffre.`,
  "callback.phone.too-long": msg`Numéro de téléphone trop long.`,
  "callback.phone.invalid": msg`Numéro de téléphone invalide : attendu un numéro français à 10 chiffres, par exemple 06 12 34 56 78.`,
  "callback.moment.unknown": msg`Moment inconnu : matin, midi, apres-midi ou soir.`,
  "callback.moments.missing": msg`Choisissez au moins un moment pour être rappelé(e).`,
  "callback.moments.repeated": msg`Chaque moment n'est indiqué qu'une fois.`,
  "callback.commune.invalid": msg`Code commune INSEE invalide (5 caractères, par exemple 69123 ou 2A004).`,
  "callback.commune.unknown": msg`Commune inconnue.`,
  "callback.band.unknown": msg`Niveau de résultat inconnu.`,
  "callback.date.invalid": msg`Date invalide : attendu AAAA-MM-JJ.`,
  "callback.consent.missing": msg`Votre accord est nécessaire pour envoyer la demande.`,
};

/** `i18n._` under another name: Lingui's extractor reads `i18n._({…})` calls as messages to extract, and this one has none. */
const translate = (descriptor: MessageDescriptor): string => i18n._(descriptor);

/** A domain message in the active language (a nested message, such as the part of a file, translated too). */
export function parentMessageText(message: ParentMessage): string {
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(message.values ?? {})) values[name] = typeof value === "object" ? parentMessageText(value) : value;
  return translate({ ...domainMessages[message.code], values });
}

const otherwise = msg`Cette information n'a pas été acceptée : vérifiez-la.`;

/**
 * What the parent reads for an error the domain (or a server, with the domain's words) wrote: the message of its
 * code, else of the code its French text has; a text from nowhere in the table is said in general words, never left
 * in French in another language.
 */
export function domainErrorText(error: { message: string; code?: ParentMessageCode | undefined; values?: ParentMessage["values"] }): string {
  const code = error.code ?? parentMessageCode(error.message);
  if (code) return parentMessageText({ code, ...(error.values ? { values: error.values } : {}) });
  return i18n.locale === "fr" ? error.message : i18n._(otherwise);
}
