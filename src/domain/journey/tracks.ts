import { addYears, monthsBetween, daysBetween, type IsoDate } from "../dates.js";
import type { StageId } from "../content/schema.js";
import { isPregnancyOver, type Profile } from "../profile/profile.js";
import { formatGestationalAge, gestationalAge } from "./pregnancy.js";
import { stageForChild, stageForPregnancy } from "./stages.js";

/** One line of the journey: the project, the current pregnancy, or one child (twins get one each). */
export interface Track {
  id: string;
  kind: "projet" | "grossesse" | "enfant";
  label: string;
  /** Where this track stands today; null once the child is 3 or older. */
  stage: StageId | null;
  /** "20 SA + 3 jours", "5 mois", "2 ans et 1 mois". */
  detail: string;
}

export function buildTracks(profile: Profile, today: IsoDate): Track[] {
  const tracks: Track[] = [];
  if (profile.project) {
    tracks.push({
      id: "projet",
      kind: "projet",
      label: "Notre projet d'enfant",
      stage: profile.project === "essai" ? "conception" : "projet",
      detail: profile.project === "essai" ? "Vous essayez d'avoir un enfant" : "Vous y pensez",
    });
  }
  // A pregnancy whose baby is born (or long past its terme) gives no more pregnancy advice.
  if (profile.pregnancy && !isPregnancyOver(profile, today)) {
    const { terme, babies } = profile.pregnancy;
    tracks.push({
      id: "grossesse",
      kind: "grossesse",
      label: babies > 1 ? `Grossesse en cours (${babies === 2 ? "jumeaux" : babies === 3 ? "triplés" : `${babies} bébés`})` : "Grossesse en cours",
      stage: stageForPregnancy(terme, today),
      detail: formatGestationalAge(gestationalAge(terme, today)),
    });
  }
  const sameDay = new Map<string, number>();
  for (const child of profile.children) sameDay.set(child.birthDate, (sameDay.get(child.birthDate) ?? 0) + 1);
  profile.children
    .map((child, index) => ({ child, index }))
    .sort((a, b) => (a.child.birthDate < b.child.birthDate ? 1 : a.child.birthDate > b.child.birthDate ? -1 : a.index - b.index))
    .forEach(({ child, index }) => {
      const twin = (sameDay.get(child.birthDate) ?? 0) > 1;
      const name = child.firstName || `Enfant ${index + 1}`;
      tracks.push({
        id: `enfant-${child.id}`,
        kind: "enfant",
        label: twin ? `${name} (naissance multiple)` : name,
        stage: stageForChild(child.birthDate, today),
        detail: formatAge(child.birthDate, today),
      });
    });
  return tracks;
}

/** Age in plain French: days for the first weeks, months until 2 years, then years and months. */
export function formatAge(birthDate: IsoDate, today: IsoDate): string {
  const days = daysBetween(birthDate, today);
  if (days < 0) return "pas encore né";
  if (days < 31) return days <= 1 ? `${days} jour` : `${days} jours`;
  const months = monthsBetween(birthDate, today);
  if (months < 24) return `${Math.max(months, 1)} mois`;
  const years = Math.floor(months / 12);
  const rest = months - years * 12;
  const yearText = `${years} an${years > 1 ? "s" : ""}`;
  return rest === 0 ? yearText : `${yearText} et ${rest} mois`;
}

/** The date a child leaves the 1000 days (3rd birthday). */
export function endOfJourney(birthDate: IsoDate): IsoDate {
  return addYears(birthDate, 3);
}
