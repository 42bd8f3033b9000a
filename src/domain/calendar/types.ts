import type { IsoDate } from "../dates.js";
import { placeTypeIds, type PlaceTypeId } from "../geo/place-types.js";
import type { CalendarText } from "./texts.js";

/**
 * The parent's calendar: every appointment, step and right of the first 1000 days, as a window
 * of calendar days (first and last day, inclusive). Pure data, computed from the profile.
 */
export type EventKind = "suivi-medical" | "demarche" | "droit-conge" | "vaccination";
export type EventAudience = "mere" | "second-parent" | "enfant";

/** User-facing place types, so that "trouver près de chez moi" can open the map filtered. */
export const PLACE_TYPES = placeTypeIds;
export type PlaceType = PlaceTypeId;

export interface RuleSource {
  title: string;
  publisher: string;
  /** Always https. */
  url: string;
  /** Date of the source text when it is dated, otherwise the day it was checked. */
  date: IsoDate;
  /** The legal text behind the page, when there is one (e.g. "Code civil, art. 55"). */
  reference?: string;
}

export type CalendarSubject = "grossesse" | `enfant-${string}`;

export interface CalendarEvent {
  /** Stable and deterministic: `${subject}:${ruleId}`, e.g. "grossesse:echographie-2". */
  id: string;
  ruleId: string;
  subject: CalendarSubject;
  /** Short French title. */
  title: string;
  /** Plain French: what it is, what to bring, who pays (1 to 3 sentences). */
  description: string;
  /** The keys and values `title` and `description` are written from (src/domain/calendar/texts.ts), to write them in another language. */
  texts: { title: CalendarText; description: CalendarText };
  kind: EventKind;
  /** Obligatoire (true) or recommandé / proposé (false). */
  compulsory: boolean;
  audience: EventAudience[];
  /** Inclusive window; a one-day event has start === end. */
  start: IsoDate;
  end: IsoDate;
  /** Ids of articles in content/articles/*.md. */
  articles: string[];
  placeTypes: PlaceType[];
  source: RuleSource;
  /** Child exams that give a certificat de santé. */
  healthCertificate?: boolean;
  /** A page of the app to open for this event (e.g. the development check), path and query. */
  page?: string;
}

export interface PregnancyInput {
  terme: IsoDate;
  /** 1, 2 (twins), 3+ (triplets or more). */
  fetuses: number;
  /** Rank of the expected child among the household's children (1 = first child); 3rd child or more = rank >= 3. */
  rank: number;
  /** Unmarried parents → reconnaissance anticipée. */
  unmarriedParents: boolean;
  gestationalDiabetesRisk: boolean;
}

export interface ChildInput {
  id: string;
  birthDate: IsoDate;
  /** The due date, set for a premature birth (pre-birth rights keep counting from it). */
  expectedTerme: IsoDate | null;
  /** 1 = first child. */
  rank: number;
  /** 0 single, 1 twins, 2 triplets… */
  siblingsBornSameDay: number;
  bcgRecommended: boolean;
  /** Optional: the baby was hospitalised after a birth more than 6 weeks early (longer maternity leave). */
  neonatalHospitalization?: boolean;
  /** Optional: signs or risk factors of postpartum depression (→ second entretien postnatal). */
  postnatalRiskFactors?: boolean;
}

export interface CalendarInput {
  pregnancy: null | PregnancyInput;
  children: ChildInput[];
}
