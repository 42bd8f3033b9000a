import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import type { Profile } from "../../domain/profile/profile.js";
import { isoDateInTimeZone, type IsoDate } from "../../domain/dates.js";
import {
  deleteEpdsRecord,
  hasSavedDataHint,
  loadEpdsHistory,
  loadMarks,
  loadProfile,
  replaceParentData,
  saveEpdsRecord,
  saveMark,
  saveProfile,
  type ArticleMark,
  type EpdsRecord,
} from "../storage/local-db.js";

/** The parent's own data (profile, read and favourite articles, EPDS history), from IndexedDB, with the actions that change it. */
export interface ParentData {
  loaded: boolean;
  storageError: string | null;
  profile: Profile | null;
  marks: Map<string, ArticleMark>;
  epdsHistory: EpdsRecord[];
  today: IsoDate;
  setProfile(profile: Profile): Promise<void>;
  setMark(id: string, change: Partial<Omit<ArticleMark, "id">>): Promise<void>;
  addEpds(record: EpdsRecord): Promise<void>;
  deleteEpds(id: string | "all"): Promise<void>;
  replaceAll(profile: Profile | null, marks: ArticleMark[], epds: EpdsRecord[]): Promise<void>;
}

const ParentContext = createContext<ParentData | null>(null);

const STORAGE_ERROR = "Vos données n'ont pas pu être lues ou enregistrées sur cet appareil (navigation privée ou stockage plein ?). Elles ne seront pas conservées.";

/** The device's calendar day, in its own time zone. */
function deviceToday(): IsoDate {
  return isoDateInTimeZone(new Date(), Intl.DateTimeFormat().resolvedOptions().timeZone);
}

export function ParentProvider({ children }: { children: ReactNode }) {
  // A device with nothing saved (and the build-time render) starts ready, with an empty profile.
  const [loaded, setLoaded] = useState(() => typeof window === "undefined" || !hasSavedDataHint());
  const [storageError, setStorageError] = useState<string | null>(null);
  const [profile, setProfileState] = useState<Profile | null>(null);
  const [marks, setMarks] = useState<Map<string, ArticleMark>>(new Map());
  const marksRef = useRef(marks);
  const [epdsHistory, setEpdsHistory] = useState<EpdsRecord[]>([]);
  const [today, setToday] = useState(deviceToday);

  useEffect(() => {
    Promise.all([loadProfile(), loadMarks(), loadEpdsHistory()])
      .then(([p, m, e]) => {
        setProfileState(p);
        setEpdsHistory(e);
        marksRef.current = new Map(m.map((mark) => [mark.id, mark]));
        setMarks(marksRef.current);
      })
      .catch(() => setStorageError(STORAGE_ERROR))
      .finally(() => setLoaded(true));
    // The day changes while the app stays open overnight.
    const timer = window.setInterval(() => setToday(deviceToday()), 60_000);
    return () => window.clearInterval(timer);
  }, []);

  const setProfile = useCallback(async (next: Profile) => {
    setProfileState(next);
    await saveProfile(next).catch((error: unknown) => {
      setStorageError(STORAGE_ERROR);
      throw error;
    });
  }, []);

  const setMark = useCallback(async (id: string, change: Partial<Omit<ArticleMark, "id">>) => {
    const next: ArticleMark = { ...(marksRef.current.get(id) ?? { id, read: false, favourite: false }), ...change, id };
    marksRef.current = new Map(marksRef.current).set(id, next);
    setMarks(marksRef.current);
    await saveMark(next).catch(() => setStorageError(STORAGE_ERROR));
  }, []);

  const addEpds = useCallback(async (record: EpdsRecord) => {
    await saveEpdsRecord(record);
    setEpdsHistory(await loadEpdsHistory());
  }, []);

  const deleteEpds = useCallback(async (id: string) => {
    if (id === "all") for (const r of await loadEpdsHistory()) await deleteEpdsRecord(r.id);
    else await deleteEpdsRecord(id);
    setEpdsHistory(await loadEpdsHistory());
  }, []);

  const replaceAll = useCallback(async (nextProfile: Profile | null, nextMarks: ArticleMark[], nextEpds: EpdsRecord[]) => {
    await replaceParentData(nextProfile, nextMarks, nextEpds);
    setEpdsHistory(nextEpds);
    setProfileState(nextProfile);
    marksRef.current = new Map(nextMarks.map((m) => [m.id, m]));
    setMarks(marksRef.current);
  }, []);

  const value = useMemo(
    () => ({ loaded, storageError, profile, marks, epdsHistory, today, setProfile, setMark, addEpds, deleteEpds, replaceAll }),
    [loaded, storageError, profile, marks, epdsHistory, today, setProfile, setMark, addEpds, deleteEpds, replaceAll],
  );
  return <ParentContext.Provider value={value}>{children}</ParentContext.Provider>;
}

export function useParent(): ParentData {
  const value = useContext(ParentContext);
  if (!value) throw new Error("useParent outside ParentProvider");
  return value;
}
