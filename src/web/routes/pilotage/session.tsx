import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { i18n } from "@lingui/core";
import { msg } from "@lingui/core/macro";
import type { Account } from "../../../domain/api/steering.js";
import { setCsrfToken, setUnauthorisedHandler, steeringApi } from "./api.js";

/** `departemental`: a département's call-back service (PMI or partner), see src/domain/callback/contract.ts. */
export type { Account, Role } from "../../../domain/api/steering.js";

type State = { status: "loading" } | { status: "anonymous"; expired: boolean } | { status: "ready"; account: Account };

interface SessionValue {
  state: State;
  login(email: string, password: string): Promise<{ ok: true } | { ok: false; message: string }>;
  logout(everywhere?: boolean): Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<State>({ status: "loading" });

  useEffect(() => {
    let live = true;
    void steeringApi("GET /pilotage/session").then((res) => {
      if (!live) return;
      if (res.ok) {
        setCsrfToken(res.data.csrfToken);
        setState({ status: "ready", account: res.data.account });
      } else setState({ status: "anonymous", expired: /expiré/.test(res.problem.detail) });
    });
    setUnauthorisedHandler(() => {
      setCsrfToken(null);
      setState({ status: "anonymous", expired: true });
    });
    return () => {
      live = false;
      setUnauthorisedHandler(null);
    };
  }, []);

  const login = useCallback(async (email: string, password: string) => {
    const res = await steeringApi("POST /pilotage/session", { body: { email, password } });
    if (!res.ok) return { ok: false as const, message: res.problem.detail };
    setCsrfToken(res.data.csrfToken);
    setState({ status: "ready", account: res.data.account });
    return { ok: true as const };
  }, []);

  const logout = useCallback(async (everywhere = false) => {
    await steeringApi(everywhere ? "DELETE /pilotage/sessions" : "DELETE /pilotage/session");
    setCsrfToken(null);
    setState({ status: "anonymous", expired: false });
  }, []);

  const value = useMemo(() => ({ state, login, logout }), [state, login, logout]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error("useSession outside SessionProvider");
  return value;
}

/** The logged-in account (only inside the pages shown after login). */
export function useAccount(): Account {
  const { state } = useSession();
  if (state.status !== "ready") throw new Error("useAccount without a session");
  return state.account;
}

/** « ARS, région 84 »: an account's role and scope, in the reader's language. */
export function roleLabel(a: Account): string {
  const departement = a.departement ?? "?";
  const region = a.region ?? "";
  if (a.role === "departemental") return i18n._(msg`Service de rappel, département ${departement}`);
  if (a.role === "national") return i18n._(msg`Administration nationale`);
  if (a.role === "regional") return a.agency === "ars" ? i18n._(msg`ARS, région ${region}`) : i18n._(msg`DREETS, région ${region}`);
  return a.region ? i18n._(msg`Observateur, région ${region}`) : i18n._(msg`Observateur`);
}
