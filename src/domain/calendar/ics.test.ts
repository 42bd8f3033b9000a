import { describe, expect, it } from "vitest";
import ICAL from "ical.js";
import { computeCalendar } from "./calendar.js";
import { calendarInputFromProfile } from "./from-profile.js";
import { foldLine, icsEntryFromEvent, toIcs, type IcsEntry } from "./ics.js";
import type { Profile } from "../profile/profile.js";

const profile: Profile = {
  version: 2,
  project: null,
  pregnancy: { terme: "2027-04-10", ddr: null, babies: 1 },
  children: [{ id: "aine", firstName: "Zoé", birthDate: "2025-03-01" }],
  situations: [],
  calendar: { unmarried: true, diabetesRisk: true, bcg: false },
};
const stamp = new Date("2026-01-01T00:00:00Z");
const options = { calendarName: "Mille Jours", stamp, reminder: "jour-meme" as const, uidDomain: "mille-jours.example" };

describe("toIcs, read back by ical.js (Mozilla's parser)", () => {
  const events = computeCalendar(calendarInputFromProfile(profile));
  const text = toIcs(
    events.map((event) => icsEntryFromEvent(event)),
    options,
  );
  const vevents = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents("vevent");

  it("writes every event as an all-day window with a stable UID", () => {
    expect(events.length).toBeGreaterThan(30);
    expect(vevents).toHaveLength(events.length);
    vevents.forEach((vevent, i) => {
      const event = events[i]!;
      const ev = new ICAL.Event(vevent);
      expect(ev.uid).toBe(`${event.id}@mille-jours.example`);
      expect(ev.summary).toBe(event.title);
      expect(ev.description.startsWith(event.description)).toBe(true);
      expect(ev.startDate.isDate).toBe(true);
      expect(ev.startDate.toString()).toBe(event.start);
      // DTEND is exclusive: the day after the last day.
      const lastDay = ev.endDate.clone();
      lastDay.adjust(-1, 0, 0, 0);
      expect(lastDay.toString()).toBe(event.end);
      expect(vevent.getFirstSubcomponent("valarm")?.getFirstPropertyValue("trigger")?.toString()).toBe("PT9H");
    });
  });

  it("uses CRLF and folds lines at 75 octets", () => {
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.split("\r\n").every((line) => new TextEncoder().encode(line).length <= 75)).toBe(true);
    expect(text.replace(/\r\n/g, "").includes("\n")).toBe(false);
  });

  it("gives the same file for the same input (re-import updates instead of duplicating)", () => {
    expect(
      toIcs(
        computeCalendar(calendarInputFromProfile(profile)).map((event) => icsEntryFromEvent(event)),
        options,
      ),
    ).toBe(text);
  });
});

describe("ICS text escaping and folding", () => {
  const entry: IcsEntry = {
    uid: "perso:1",
    title: "RDV ; sage-femme, cabinet \\ Dr Lefèvre",
    description: "Apporter :\n- carte Vitale\n- carnet de santé",
    start: "2024-02-29",
    end: "2024-02-29",
  };
  it("round-trips special characters through ical.js", () => {
    const vevent = new ICAL.Component(ICAL.parse(toIcs([entry], { ...options, reminder: "aucun" }))).getFirstSubcomponent("vevent")!;
    const ev = new ICAL.Event(vevent);
    expect(ev.summary).toBe(entry.title);
    expect(ev.description).toBe(entry.description);
    expect(ev.startDate.toString()).toBe("2024-02-29");
    expect(ev.endDate.toString()).toBe("2024-03-01");
    expect(vevent.getFirstSubcomponent("valarm")).toBeNull();
  });
  it("never splits a multi-byte character", () => {
    const folded = foldLine(`DESCRIPTION:${"é".repeat(100)}`);
    for (const line of folded.split("\r\n")) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, "")).toBe(`DESCRIPTION:${"é".repeat(100)}`);
  });
  it("puts a reminder one week before at 9:00", () => {
    const vevent = new ICAL.Component(ICAL.parse(toIcs([entry], { ...options, reminder: "semaine-avant" }))).getFirstSubcomponent("vevent")!;
    const trigger = vevent.getFirstSubcomponent("valarm")!.getFirstPropertyValue("trigger") as ICAL.Duration;
    expect(trigger.toSeconds()).toBe(-(7 * 24 - 9) * 3600);
  });
});

describe("calendarInputFromProfile", () => {
  it("derives ranks, twins and options", () => {
    const input = calendarInputFromProfile({
      ...profile,
      children: [
        { id: "a", firstName: "", birthDate: "2022-01-01" },
        { id: "b", firstName: "", birthDate: "2025-06-01" },
        { id: "c", firstName: "", birthDate: "2025-06-01" },
      ],
    });
    expect(input.pregnancy).toMatchObject({ rank: 4, fetuses: 1, unmarriedParents: true, gestationalDiabetesRisk: true });
    expect(input.children.map((c) => [c.id, c.rank, c.siblingsBornSameDay])).toEqual([
      ["a", 1, 0],
      ["b", 2, 1],
      ["c", 2, 1],
    ]);
  });
  it("keeps a premature baby's due date, so that pre-birth rights stay put", () => {
    const premature = calendarInputFromProfile({
      ...profile,
      pregnancy: null,
      children: [{ id: "p", firstName: "", birthDate: "2026-09-01", expectedTerme: "2026-10-20" }],
    });
    expect(premature.children[0]?.expectedTerme).toBe("2026-10-20");
    const onTime = computeCalendar({ ...premature, children: [{ ...premature.children[0]!, expectedTerme: null }] });
    const early = computeCalendar(premature);
    const leave = (events: typeof early) => events.find((e) => e.ruleId === "conge-maternite");
    // Born 7 weeks early: the unused prenatal weeks move after the birth, so the leave ends later.
    expect(leave(early)!.end > leave(onTime)!.end).toBe(true);
    // Post-birth events follow the real birth date.
    expect(early.find((e) => e.ruleId === "declaration-naissance")?.start).toBe("2026-09-01");
  });
  it("works for a profile saved before the calendar options existed", () => {
    const { calendar: _c, ...old } = profile;
    expect(calendarInputFromProfile(old).pregnancy).toMatchObject({ unmarriedParents: false, gestationalDiabetesRisk: false });
  });
});
