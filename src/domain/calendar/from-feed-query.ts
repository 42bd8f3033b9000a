import type { IsoDate } from "../dates.js";
import { termeFromDdr } from "../journey/pregnancy.js";
import { checkBirthDate, checkDdr, checkTerme } from "../profile/profile.js";
import type { FeedQuery } from "./feed-query.js";
import { withBirthForecast } from "./from-profile.js";
import type { CalendarInput } from "./types.js";

/**
 * The calendar input a feed's query describes (exactly one of terme, ddr or naissance, checked against `today` by the
 * profile's own checks), or the French reason it cannot: what `GET /api/v1/calendar(.ics)` computes from. Nothing is stored.
 */
export function calendarInputFromFeedQuery(query: FeedQuery, today: IsoDate): { input: CalendarInput } | { error: string } {
  const given = (["terme", "ddr", "naissance"] as const).filter((k) => query[k] !== undefined);
  if (given.length !== 1) return { error: "Indiquez une seule date : terme, ddr (date des dernières règles) ou naissance." };
  const [kind] = given;
  const date = query[kind!]!;
  const error = kind === "terme" ? checkTerme(date, today) : kind === "ddr" ? checkDdr(date, today) : checkBirthDate(date, today);
  if (error) return { error: `${kind} : ${error}` };
  if (kind === "naissance")
    return {
      input: {
        pregnancy: null,
        children: Array.from({ length: query.multiple }, (_, i) => ({
          id: String(i + 1),
          birthDate: date,
          expectedTerme: null,
          rank: query.rang,
          siblingsBornSameDay: query.multiple - 1,
          bcgRecommended: false,
        })),
      },
    };
  const terme = kind === "terme" ? date : termeFromDdr(date);
  return {
    input: withBirthForecast({
      pregnancy: { terme, fetuses: query.multiple, rank: query.rang, unmarriedParents: false, gestationalDiabetesRisk: false },
      children: [],
    }),
  };
}
