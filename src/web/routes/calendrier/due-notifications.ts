import { addDays } from "../../../domain/dates.js";
import type { AgendaItem } from "./useCalendar.js";

/** Events to announce: starting today or tomorrow, not done, not announced before. */
export function dueNotifications(items: AgendaItem[], today: string, done: ReadonlySet<string>, sent: ReadonlySet<string>): AgendaItem[] {
  const tomorrow = addDays(today, 1);
  return items.filter((i) => (i.start === today || i.start === tomorrow) && !done.has(i.id) && !sent.has(`${i.id}@${i.start}`));
}
