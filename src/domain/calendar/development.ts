import { bandWindow, GRID_BANDS } from "../development/grid.js";
import { isPremature, type ChildBirth } from "../development/age.js";
import { DEVELOPMENT_SOURCES } from "../development/sources.js";
import type { CalendarEvent, CalendarSubject, RuleSource } from "./types.js";
import { makeEvent } from "./windows.js";
import { text } from "./texts.js";

/**
 * The development check proposed at each age of the official grid (livret « Détecter les signes d’un
 * développement inhabituel chez les enfants de moins de 7 ans », janvier 2024), over the days the band
 * applies: by corrected age before 2 years for a premature baby (src/domain/development/grid.ts).
 * The calendar covers the 1000 days (to the 3rd birthday): the four bands from 6 to 35 months are proposed;
 * the 3-year grid (36–47 months) is on the development page, and the 4–6 years grids are the doctor's.
 */
export const PROPOSED_BANDS = GRID_BANDS.filter((band) => band.fromMonths < 36);

const source: RuleSource = {
  title: DEVELOPMENT_SOURCES.grille2024.title,
  publisher: DEVELOPMENT_SOURCES.grille2024.publisher,
  url: DEVELOPMENT_SOURCES.grille2024.url,
  date: DEVELOPMENT_SOURCES.grille2024.date,
};

/** The app page of a child's development (`?enfant=` the profile's child id). */
export function developmentPage(subject: CalendarSubject, path: "/developpement" | "/developpement/reperage"): string {
  return `${path}?enfant=${encodeURIComponent(subject.replace(/^enfant-/, ""))}`;
}

export function developmentCheckEvents(subject: CalendarSubject, child: ChildBirth): CalendarEvent[] {
  const corrected = isPremature(child);
  return PROPOSED_BANDS.flatMap((band) => {
    const window = bandWindow(child, band);
    if (!window) return [];
    return [
      makeEvent(subject, `reperage-developpement-${band.id}`, window, {
        title: text("reperage-developpement.title", { from: band.fromMonths, to: band.toMonths }),
        description: text(corrected && band.fromMonths < 24 ? "reperage-developpement.description.age-corrige" : "reperage-developpement.description"),
        kind: "suivi-medical",
        compulsory: false,
        audience: ["enfant"],
        articles: ["handicap-enfant-reperage", "eveil-jeu-motricite"],
        placeTypes: [],
        source,
        page: developmentPage(subject, "/developpement/reperage"),
      }),
    ];
  });
}
