// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { act, createElement, type ReactNode } from "react";
import { createRoot, type Root } from "react-dom/client";
import type { Profile } from "../../domain/profile/profile.js";
import type { ArticleMark, CalendarMark, PersonalAppointment } from "../storage/local-db.js";
import { ParentProvider, useParent, type ParentActions } from "./parent.js";

// The device's store, in memory: what IndexedDB would hold.
const saved = vi.hoisted(() => ({
  profile: null as unknown,
  marks: new Map<string, unknown>(),
  appointments: new Map<string, unknown>(),
  calendarDone: new Map<string, unknown>(),
}));
vi.mock("../storage/local-db.js", () => ({
  hasSavedDataHint: () => true,
  loadProfile: async () => saved.profile,
  loadMarks: async () => [...saved.marks.values()],
  loadEpdsHistory: async () => [],
  loadDevelopmentHistory: async () => [],
  loadAppointments: async () => [...saved.appointments.values()],
  loadCalendarDone: async () => [...saved.calendarDone.values()],
  saveProfile: async (profile: unknown) => void (saved.profile = profile),
  saveMark: async (mark: ArticleMark) => void saved.marks.set(mark.id, mark),
  saveAppointment: async (appointment: PersonalAppointment) => void saved.appointments.set(appointment.id, appointment),
  setCalendarDone: async (id: string, doneOn: string | null) =>
    void (doneOn ? saved.calendarDone.set(id, { id, doneOn } satisfies CalendarMark) : saved.calendarDone.delete(id)),
}));

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** How many times each consumer rendered. */
const renders = { profile: 0, marks: 0, calendar: 0, appointments: 0, actionsOnly: 0, profileAndMarks: 0 };
let actions: Pick<ParentActions, "setProfile" | "setMark" | "setDone" | "saveAppointment">;

function ProfileReader() {
  const { profile } = useParent("profile");
  renders.profile++;
  return createElement("p", { id: "profile" }, profile ? "profil" : "aucun");
}
function MarksReader() {
  const { marks } = useParent("marks");
  renders.marks++;
  return createElement("p", { id: "marks" }, String(marks.size));
}
function CalendarReader() {
  const { calendarSettled } = useParent("calendarSettled");
  renders.calendar++;
  return createElement("p", { id: "calendar" }, String(calendarSettled.size));
}
function AppointmentsReader() {
  const { appointments } = useParent("appointments");
  renders.appointments++;
  return createElement("p", { id: "appointments" }, String(appointments.length));
}
function ActionsOnly() {
  actions = useParent("setProfile", "setMark", "setDone", "saveAppointment");
  renders.actionsOnly++;
  return null;
}
function ProfileAndMarks() {
  const { profile, marks } = useParent("profile", "marks");
  renders.profileAndMarks++;
  return createElement("p", null, `${profile ? 1 : 0}/${marks.size}`);
}

const profile = { version: 2, project: null, pregnancy: { terme: "2027-05-01", babies: 1 }, children: [], situations: [] } as unknown as Profile;
let container: HTMLElement;
let root: Root;

beforeEach(async () => {
  saved.profile = null;
  saved.marks.clear();
  saved.appointments.clear();
  saved.calendarDone.clear();
  container = document.createElement("div");
  document.body.append(container);
  root = createRoot(container);
  const tree: ReactNode = createElement(
    ParentProvider,
    null,
    createElement(ProfileReader),
    createElement(MarksReader),
    createElement(CalendarReader),
    createElement(AppointmentsReader),
    createElement(ActionsOnly),
    createElement(ProfileAndMarks),
  );
  await act(async () => root.render(tree));
  for (const key of Object.keys(renders) as (keyof typeof renders)[]) renders[key] = 0;
});
afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

const text = (id: string) => container.querySelector(`#${id}`)?.textContent;

describe("useParent", () => {
  it("re-renders a consumer only when a member it named changes", async () => {
    await act(() => actions.setProfile(profile));
    expect(text("profile")).toBe("profil");
    expect(renders).toEqual({ profile: 1, marks: 0, calendar: 0, appointments: 0, actionsOnly: 0, profileAndMarks: 1 });

    await act(() => actions.setMark("article-1", { read: true }));
    expect(text("marks")).toBe("1");
    expect(renders).toEqual({ profile: 1, marks: 1, calendar: 0, appointments: 0, actionsOnly: 0, profileAndMarks: 2 });

    await act(() => actions.setDone("grossesse:echographie-1", true));
    expect(text("calendar")).toBe("1");
    expect(renders).toEqual({ profile: 1, marks: 1, calendar: 1, appointments: 0, actionsOnly: 0, profileAndMarks: 2 });

    await act(() => actions.saveAppointment({ id: "a1", title: "Dentiste", date: "2027-01-14", note: "" }));
    expect(text("appointments")).toBe("1");
    expect(renders).toEqual({ profile: 1, marks: 1, calendar: 1, appointments: 1, actionsOnly: 0, profileAndMarks: 2 });
  });

  it("does not re-render when a change saves what was already there", async () => {
    await act(() => actions.setProfile(profile));
    await act(() => actions.setProfile({ ...profile }));
    expect(renders.profile).toBe(1);
  });

  it("refuses to run outside its provider", () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const lone = createRoot(document.createElement("div"));
    expect(() => act(() => lone.render(createElement(ProfileReader)))).toThrow("useParent outside ParentProvider");
    errors.mockRestore();
  });
});
