import type { EpdsQuestionnaire } from "../../../domain/epds/schema.js";
import fr from "../../../../content/epds/fr.json";
import en from "../../../../content/epds/en.json";

/** The validated versions we could source (content/epds/README.md says which are missing and why). */
export const questionnaires: Record<string, EpdsQuestionnaire> = {
  fr: fr as EpdsQuestionnaire,
  en: en as EpdsQuestionnaire,
};

export const languages = [
  { locale: "fr", label: "Français" },
  { locale: "en", label: "English" },
] as const;

export function questionnaireFor(locale: string): EpdsQuestionnaire {
  return questionnaires[locale] ?? questionnaires.fr!;
}

/**
 * Interface words of the questionnaire screens, in the language of the person answering: the validated version's
 * language (French or English), not the interface's, so that the questions and what surrounds them read as one text.
 * Also the words said to the person at the end of the professional mode, before she hands the tablet back.
 */
const words = {
  fr: {
    question: "Question",
    of: "sur",
    previous: "Précédent",
    next: "Suivant",
    finish: "Voir le résultat",
    choose: "Choisissez la réponse la plus proche de ce que vous avez ressenti.",
    period: "Au cours des 7 derniers jours :",
    thanks: "Merci",
    handBack: "Rendez la tablette au professionnel, s'il vous plaît.",
  },
  en: {
    question: "Question",
    of: "of",
    previous: "Back",
    next: "Next",
    finish: "See the result",
    choose: "Please choose the answer that comes closest to how you have felt.",
    period: "In the past 7 days:",
    thanks: "Thank you",
    handBack: "Please hand the tablet back to the professional.",
  },
} as const;

export function wordsFor(locale: string) {
  return locale.startsWith("en") ? words.en : words.fr;
}
