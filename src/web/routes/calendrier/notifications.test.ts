import { describe, expect, it } from "vitest";
import { dueNotifications } from "./due-notifications.js";
import type { AgendaItem } from "./useCalendar.js";

const item = (id: string, start: string): AgendaItem => ({
  id,
  start,
  end: start,
  title: id,
  description: "",
  fallback: false,
  subject: "grossesse",
  subjects: ["grossesse"],
  subjectLabel: "Grossesse",
  alikeKey: id,
  catchUp: false,
});

describe("dueNotifications", () => {
  const items = [
    item("hier", "2026-11-21"),
    item("aujourdhui", "2026-11-22"),
    item("demain", "2026-11-23"),
    item("apres", "2026-11-24"),
    item("fait", "2026-11-22"),
  ];
  it("announces what starts today or tomorrow, once, and not what is done", () => {
    expect(dueNotifications(items, "2026-11-22", new Set(["fait"]), new Set()).map((i) => i.id)).toEqual(["aujourdhui", "demain"]);
    expect(dueNotifications(items, "2026-11-22", new Set(), new Set(["aujourdhui@2026-11-22", "fait@2026-11-22"])).map((i) => i.id)).toEqual(["demain"]);
  });
  it("crosses a month end", () => {
    expect(dueNotifications([item("mars", "2028-03-01")], "2028-02-29", new Set(), new Set()).map((i) => i.id)).toEqual(["mars"]);
  });
});
