import { PROFILE_MESSAGES } from "./profile/messages.js";
import { APPOINTMENT_MESSAGES } from "./calendar/appointment.js";

/**
 * The sentences the domain writes for a parent's screen (a refused date of the profile, a personal appointment, an
 * imported file, a hand-over link, the call-back form), each under a stable code. The domain stays French: these
 * texts are what the server sends and what its tests read. The browser shows, for the code, the catalogue's message
 * in the parent's language (src/web/i18n/domain-messages.ts: one mapping, every code, checked against every
 * catalogue by src/web/i18n/domain-messages.test.ts). Placeholders are ICU-like `{name}`, filled by {@link frenchText}.
 * A code never changes meaning: a new wording that says something else gets a new code.
 */
export const PARENT_MESSAGES = {
  // Profile (src/domain/profile/messages.ts), also used for the dates of a hand-over link; personal appointment
  ...PROFILE_MESSAGES,
  ...APPOINTMENT_MESSAGES,

  // --- Backup file (src/domain/profile/backup.ts): the whole message, then the parts of a file it may name
  "backup.not-json": "Ce fichier n'est pas une sauvegarde Mille Jours lisible (ce n'est pas du JSON valide). Aucune donnée n'a été modifiée.",
  "backup.not-backup": "Ce fichier n'est pas une sauvegarde Mille Jours. Aucune donnée n'a été modifiée.",
  "backup.newer-version":
    "Cette sauvegarde vient d'une version de Mille Jours que cette application ne sait pas lire. Mettez l'application à jour. Aucune donnée n'a été modifiée.",
  "backup.damaged-date": "Cette sauvegarde est abîmée ou incomplète : {part} n'est pas une date qui existe. Aucune donnée n'a été modifiée.",
  "backup.damaged": "Cette sauvegarde est abîmée ou incomplète : un problème porte sur {part}. Aucune donnée n'a été modifiée.",
  "backup.part.terme": "la date du terme",
  "backup.part.ddr": "la date des dernières règles",
  "backup.part.babies": "le nombre de bébés attendus",
  "backup.part.pregnancy": "la grossesse",
  "backup.part.child-birth-date": "la date de naissance de l'enfant {n}",
  "backup.part.child-expected-terme": "le terme prévu de l'enfant {n}",
  "backup.part.child-first-name": "le prénom de l'enfant {n}",
  "backup.part.child": "l'enfant {n}",
  "backup.part.situations": "les situations du profil",
  "backup.part.calendar": "les réponses qui affinent le calendrier",
  "backup.part.profile": "le profil",
  "backup.part.epds-one": "le résultat de questionnaire n° {n}",
  "backup.part.epds": "les résultats de questionnaire",
  "backup.part.development-one": "le repérage du développement n° {n}",
  "backup.part.development": "les repérages du développement",
  "backup.part.appointment-date": "la date du rendez-vous personnel n° {n}",
  "backup.part.appointment-one": "le rendez-vous personnel n° {n}",
  "backup.part.appointments": "les rendez-vous personnels",
  "backup.part.calendar-done": "les événements du calendrier marqués faits",
  "backup.part.marks": "les articles lus ou favoris",
  "backup.part.header": "l'en-tête du fichier",

  // --- Hand-over link opened on the parent's phone (src/domain/handover/link.ts)
  "handover.empty": "Ce lien ne contient rien à enregistrer. Demandez au professionnel de vous le renvoyer.",
  "handover.broken": "Ce lien est incomplet ou abîmé : demandez au professionnel de vous le renvoyer, ou scannez de nouveau le QR code.",
  "handover.newer-version":
    "Ce lien vient d'une version plus récente de Mille Jours : rechargez la page (ou mettez l'application à jour), puis rouvrez le lien.",
  "handover.dates-refused": "Les dates de ce lien ne peuvent pas être enregistrées :",

  // --- Call-back request form (src/domain/callback/contract.ts, the same zod schema in the browser and the server)
  "callback.name.missing": "Indiquez un prénom ou un pseudonyme.",
  "callback.name.too-long": "Le prénom ou pseudonyme compte 60 caractères au plus.",
  "callback.name.control": "Le prénom ou pseudonyme ne peut pas contenir de retour à la ligne ni de caractère de contrôle.",
  "callback.name.no-letter": "Indiquez un prénom ou un pseudonyme avec au moins une lettre ou un chiffre.",
  "callback.phone.too-long": "Numéro de téléphone trop long.",
  "callback.phone.invalid": "Numéro de téléphone invalide : attendu un numéro français à 10 chiffres, par exemple 06 12 34 56 78.",
  "callback.moment.unknown": "Moment inconnu : matin, midi, apres-midi ou soir.",
  "callback.moments.missing": "Choisissez au moins un moment pour être rappelé(e).",
  "callback.moments.repeated": "Chaque moment n'est indiqué qu'une fois.",
  "callback.commune.invalid": "Code commune INSEE invalide (5 caractères, par exemple 69123 ou 2A004).",
  "callback.commune.unknown": "Commune inconnue.",
  "callback.band.unknown": "Niveau de résultat inconnu.",
  "callback.date.invalid": "Date invalide : attendu AAAA-MM-JJ.",
  "callback.consent.missing": "Votre accord est nécessaire pour envoyer la demande.",
} as const satisfies Record<string, string>;

export type ParentMessageCode = keyof typeof PARENT_MESSAGES;

/** The values of a message's placeholders: a number, a text, or another message (a part of a file, translated too). */
export type ParentMessageValues = Readonly<Record<string, string | number | ParentMessage>>;

/** A message for a parent: its code and, when it has placeholders, their values. */
export interface ParentMessage {
  readonly code: ParentMessageCode;
  readonly values?: ParentMessageValues;
}

export const parentMessageCodes = Object.keys(PARENT_MESSAGES) as ParentMessageCode[];

export function isParentMessageCode(value: unknown): value is ParentMessageCode {
  return typeof value === "string" && Object.hasOwn(PARENT_MESSAGES, value);
}

/** The French text of a message, its placeholders filled (a nested message in French too). */
export function frenchText(message: ParentMessage): string {
  return PARENT_MESSAGES[message.code].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = message.values?.[name];
    if (value === undefined) return whole;
    return typeof value === "object" ? frenchText(value) : String(value);
  });
}

const codeOfText = new Map<string, ParentMessageCode>(parentMessageCodes.map((code) => [PARENT_MESSAGES[code], code]));

/**
 * The code of a French sentence written from this table without placeholders (a zod issue of a shared schema, the
 * field errors of a server's answer), or null for any other text.
 */
export function parentMessageCode(text: string): ParentMessageCode | null {
  return codeOfText.get(text) ?? null;
}
