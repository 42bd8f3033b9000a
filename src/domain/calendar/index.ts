export { computeCalendar, compareEvents } from "./calendar.js";
export { calendarInputSchema, childInputSchema, pregnancyInputSchema } from "./schema.js";
export { frenchPublicHolidays, isPublicHoliday, isWorkingDay, nextWorkingDay } from "./holidays.js";
export { birthDeclarationDeadline } from "./postnatal.js";
export { maternityLeaveWeeks, maternityLeaveWindow, paternityLeave } from "./leave.js";
export { PLACE_TYPES } from "./types.js";
export type { CalendarEvent, CalendarInput, CalendarSubject, ChildInput, EventAudience, EventKind, PlaceType, PregnancyInput, RuleSource } from "./types.js";
