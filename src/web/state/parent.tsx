import { createContext, startTransition, use, useCallback, useEffect, useMemo, useRef, useState, type Context, type ReactNode } from "react";
import type { Profile } from "../../domain/profile/profile.js";
import type { IsoDate } from "../../domain/dates.js";
import * as store from "../storage/local-db.js";
import type { ArticleMark, DevelopmentRecord, EpdsRecord, ParentDataset, PersonalAppointment } from "../storage/local-db.js";

/**
 * The parent's own data (profile, read and favourite articles, EPDS history, development checks, personal appointments,
 * calendar events done), from IndexedDB.
 */
export interface ParentState {
  loaded: boolean;
  storageError: string | null;
  profile: Profile | null;
  marks: Map<string, ArticleMark>;
  epdsHistory: EpdsRecord[];
  /** Development checks kept on the device, newest first. */
  developmentHistory: DevelopmentRecord[];
  appointments: PersonalAppointment[];
  /** Calendar event id → day it was marked done. */
  calendarDone: Map<string, string>;
  /** Calendar event id → day the parent dismissed it (« ne plus afficher »): settled like done ones, but not done. */
  calendarDismissed: Map<string, string>;
  /** Done or dismissed: what the agenda no longer asks the parent to do. */
  calendarSettled: ReadonlySet<string>;
  today: IsoDate;
}

/** The actions that change the parent's data; they never change identity, so reading them never re-renders. */
export interface ParentActions {
  setProfile(profile: Profile): Promise<void>;
  setMark(id: string, change: Partial<Omit<ArticleMark, "id">>): Promise<void>;
  addEpds(record: EpdsRecord): Promise<void>;
  deleteEpds(id: string | "all"): Promise<void>;
  addDevelopment(record: DevelopmentRecord): Promise<void>;
  deleteDevelopment(id: string | "all"): Promise<void>;
  saveAppointment(appointment: PersonalAppointment): Promise<void>;
  deleteAppointment(id: string): Promise<void>;
  setDone(eventId: string, done: boolean): Promise<void>;
  setDismissed(eventIds: readonly string[], dismissed: boolean): Promise<void>;
  replaceAll(data: ParentDataset): Promise<void>;
  /** Everything saved, as the backup file holds it (read when called). */
  dataset(): ParentDataset;
}

export type ParentData = ParentState & ParentActions;

const STATE_KEYS = [
  "loaded",
  "storageError",
  "profile",
  "marks",
  "epdsHistory",
  "developmentHistory",
  "appointments",
  "calendarDone",
  "calendarDismissed",
  "calendarSettled",
  "today",
] as const satisfies readonly (keyof ParentState)[];

const UNSET = Symbol("outside ParentProvider");
/**
 * One context per member of the state, and one for the actions: a component reads only the contexts of the members it
 * names (`useParent("profile", "today")`), so React re-renders it only when one of those changes.
 */
const stateContexts = Object.fromEntries(STATE_KEYS.map((key) => [key, createContext<unknown>(UNSET)])) as {
  [K in keyof ParentState]: Context<ParentState[K] | typeof UNSET>;
};
const ActionsContext = createContext<ParentActions | null>(null);

const STORAGE_ERROR =
  "Vos données n'ont pas pu être lues ou enregistrées sur cet appareil (navigation privée ou stockage plein ?). Elles ne seront pas conservées.";

/**
 * Today on the device's own calendar. Read with the local date getters (the device's time zone) rather
 * than a date formatter, whose first creation costs tens of milliseconds on a slow phone.
 */
function deviceToday(): IsoDate {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The saved data as the state holds it: lists in the order the pages show them, done and dismissed events apart. */
function stateOf(data: ParentDataset) {
  return {
    profile: data.profile,
    marks: new Map(data.marks.map((m) => [m.id, m])),
    epdsHistory: [...data.epds].sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id)),
    developmentHistory: [...data.development].sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id)),
    appointments: [...data.appointments].sort((a, b) => a.date.localeCompare(b.date)),
    calendarDone: new Map(data.calendarDone.filter((d) => !d.dismissed).map((d) => [d.id, d.doneOn])),
    calendarDismissed: new Map(data.calendarDone.filter((d) => d.dismissed).map((d) => [d.id, d.doneOn])),
  };
}

/**
 * `initial`: the saved data, read before the first render (main.tsx), so that a returning parent's first screen is
 * already theirs; without it, the provider reads it.
 */
export function ParentProvider({ children, initial = null }: { children: ReactNode; initial?: ParentDataset | null }) {
  const [first] = useState(() => (initial ? stateOf(initial) : null));
  // A device with nothing saved (and the build-time render) starts ready, with an empty profile.
  const [loaded, setLoaded] = useState(() => first !== null || typeof window === "undefined" || !store.hasSavedDataHint());
  const [storageError, setStorageError] = useState<string | null>(null);
  const [profile, setProfileState] = useState<Profile | null>(first?.profile ?? null);
  const [marks, setMarks] = useState<Map<string, ArticleMark>>(first?.marks ?? new Map());
  const marksRef = useRef(marks);
  const [epdsHistory, setEpdsHistory] = useState<EpdsRecord[]>(first?.epdsHistory ?? []);
  const [developmentHistory, setDevelopmentHistory] = useState<DevelopmentRecord[]>(first?.developmentHistory ?? []);
  const [appointments, setAppointments] = useState<PersonalAppointment[]>(first?.appointments ?? []);
  const [calendarDone, setCalendarDone] = useState<Map<string, string>>(first?.calendarDone ?? new Map());
  const [calendarDismissed, setCalendarDismissed] = useState<Map<string, string>>(first?.calendarDismissed ?? new Map());
  const [today, setToday] = useState(deviceToday);

  // A change re-reads the whole store: a member whose content did not change keeps its identity, so that the
  // components reading only that member do not re-render.
  const apply = useCallback((data: ParentDataset) => {
    const next = stateOf(data);
    setProfileState((previous) => same(previous, next.profile));
    marksRef.current = same(marksRef.current, next.marks);
    setMarks(marksRef.current);
    setEpdsHistory((previous) => same(previous, next.epdsHistory));
    setDevelopmentHistory((previous) => same(previous, next.developmentHistory));
    setAppointments((previous) => same(previous, next.appointments));
    setCalendarDone((previous) => same(previous, next.calendarDone));
    setCalendarDismissed((previous) => same(previous, next.calendarDismissed));
  }, []);

  const reload = useCallback(async () => apply(await readSavedData()), [apply]);

  const readAtFirst = first === null;
  useEffect(() => {
    // The first read renders as a transition: a slow phone stays responsive while the saved data reaches every page.
    if (readAtFirst)
      readSavedData().then(
        (data) =>
          startTransition(() => {
            apply(data);
            setLoaded(true);
          }),
        () =>
          startTransition(() => {
            setStorageError(STORAGE_ERROR);
            setLoaded(true);
          }),
      );
    // The day changes while the app stays open overnight.
    const timer = window.setInterval(() => setToday(deviceToday()), 60_000);
    return () => window.clearInterval(timer);
  }, [apply, readAtFirst]);

  /** Runs a storage change, then re-reads the store so that the screen shows what is really saved. */
  const change = useCallback(
    async (work: () => Promise<void>) => {
      try {
        await work();
      } catch (error) {
        setStorageError(STORAGE_ERROR);
        throw error;
      }
      await reload();
    },
    [reload],
  );

  const setProfile = useCallback(async (next: Profile) => change(() => store.saveProfile(next)), [change]);

  const setMark = useCallback(async (id: string, update: Partial<Omit<ArticleMark, "id">>) => {
    const next: ArticleMark = { ...(marksRef.current.get(id) ?? { id, read: false, favourite: false }), ...update, id };
    marksRef.current = new Map(marksRef.current).set(id, next);
    setMarks(marksRef.current);
    await store.saveMark(next).catch(() => setStorageError(STORAGE_ERROR));
  }, []);

  const addEpds = useCallback(async (record: EpdsRecord) => change(() => store.saveEpdsRecord(record)), [change]);
  const deleteEpds = useCallback(
    async (id: string) =>
      change(async () => {
        const ids = id === "all" ? (await store.loadEpdsHistory()).map((r) => r.id) : [id];
        for (const each of ids) await store.deleteEpdsRecord(each);
      }),
    [change],
  );
  const addDevelopment = useCallback(async (record: DevelopmentRecord) => change(() => store.saveDevelopmentRecord(record)), [change]);
  const deleteDevelopment = useCallback(
    async (id: string) =>
      change(async () => {
        const ids = id === "all" ? (await store.loadDevelopmentHistory()).map((r) => r.id) : [id];
        for (const each of ids) await store.deleteDevelopmentRecord(each);
      }),
    [change],
  );
  const saveAppointment = useCallback(async (a: PersonalAppointment) => change(() => store.saveAppointment(a)), [change]);
  const deleteAppointment = useCallback(async (id: string) => change(() => store.deleteAppointment(id)), [change]);
  const setDone = useCallback(async (eventId: string, done: boolean) => change(() => store.setCalendarDone(eventId, done ? deviceToday() : null)), [change]);
  const setDismissed = useCallback(
    async (eventIds: readonly string[], dismissed: boolean) => change(() => store.setCalendarDismissed(eventIds, dismissed ? deviceToday() : null)),
    [change],
  );
  const replaceAll = useCallback(async (data: ParentDataset) => change(() => store.replaceParentData(data)), [change]);

  const calendarSettled = useMemo(() => new Set([...calendarDone.keys(), ...calendarDismissed.keys()]), [calendarDone, calendarDismissed]);

  const state: ParentState = {
    loaded,
    storageError,
    profile,
    marks,
    epdsHistory,
    developmentHistory,
    appointments,
    calendarDone,
    calendarDismissed,
    calendarSettled,
    today,
  };
  const stateRef = useRef(state);
  useEffect(() => {
    stateRef.current = state;
  });

  const actions = useMemo<ParentActions>(
    () => ({
      setProfile,
      setMark,
      addEpds,
      deleteEpds,
      addDevelopment,
      deleteDevelopment,
      saveAppointment,
      deleteAppointment,
      setDone,
      setDismissed,
      replaceAll,
      dataset: () => {
        const { profile, marks, epdsHistory, developmentHistory, appointments, calendarDone, calendarDismissed } = stateRef.current;
        return {
          profile,
          marks: [...marks.values()],
          epds: epdsHistory,
          development: developmentHistory,
          appointments,
          calendarDone: [
            ...[...calendarDone].map(([id, doneOn]) => ({ id, doneOn })),
            ...[...calendarDismissed].map(([id, doneOn]) => ({ id, doneOn, dismissed: true as const })),
          ],
        };
      },
    }),
    [setProfile, setMark, addEpds, deleteEpds, addDevelopment, deleteDevelopment, saveAppointment, deleteAppointment, setDone, setDismissed, replaceAll],
  );

  let tree = <ActionsContext.Provider value={actions}>{children}</ActionsContext.Provider>;
  for (const key of STATE_KEYS) {
    const Provider = (stateContexts[key] as Context<unknown>).Provider;
    tree = <Provider value={state[key]}>{tree}</Provider>;
  }
  return tree;
}

/**
 * The members of the parent's data a component names, and only those: it re-renders when one of them changes, not on
 * any other change (`const { profile, today } = useParent("profile", "today")`).
 */
export function useParent<K extends keyof ParentData>(...keys: [K, ...K[]]): Pick<ParentData, K> {
  const actions = use(ActionsContext);
  if (!actions) throw new Error("useParent outside ParentProvider");
  const picked: Partial<ParentData> = {};
  for (const key of keys) {
    // `use` may be called in a loop (unlike other hooks): the keys are the same at every render of a component.
    if (key in stateContexts) (picked as Record<string, unknown>)[key] = use(stateContexts[key as keyof ParentState] as Context<unknown>);
    else (picked as Record<string, unknown>)[key] = actions[key as keyof ParentActions];
  }
  return picked as Pick<ParentData, K>;
}

/** `next` if its content differs from `previous`, else `previous` itself (plain JSON data, Maps of it). */
function same<T>(previous: T, next: T): T {
  const json = (value: unknown) => JSON.stringify(value, (_key, v: unknown) => (v instanceof Map ? [...v] : v));
  return json(previous) === json(next) ? previous : next;
}

/** Everything the parent saved on this device (IndexedDB). */
export async function readSavedData(): Promise<ParentDataset> {
  const [profile, marks, epds, development, appointments, calendarDone] = await Promise.all([
    store.loadProfile(),
    store.loadMarks(),
    store.loadEpdsHistory(),
    store.loadDevelopmentHistory(),
    store.loadAppointments(),
    store.loadCalendarDone(),
  ]);
  return { profile, marks, epds, development, appointments, calendarDone };
}
