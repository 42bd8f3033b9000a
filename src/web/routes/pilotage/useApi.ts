import { useCallback, useEffect, useRef, useState } from "react";
import type { ResponseOf } from "../../../domain/api/contract.js";
import type { ApiContract, Route } from "../../../domain/api/index.js";
import type { Args } from "../../api/client.js";
import { steeringApi, type Problem } from "./api.js";

/** The routes a page reads: the GETs of the shared contract. */
export type GetRoute = Extract<Route, `GET /${string}`>;

/**
 * Reads a route of the shared contract (« GET /pilotage/projets », its parameters and query string) through the
 * steering client, and keeps the answer, typed by the contract; `null` reads nothing (a page that may not read it).
 * The request is compared by value: a new object with the same parameters does not read again. `reload` reads
 * again; `replace` keeps a newer copy a change already answered with.
 */
export function useApiGet<R extends GetRoute>(
  route: R | null,
  ...args: Args<ApiContract[R]>
): {
  data: ResponseOf<ApiContract[R]> | null;
  problem: Problem | null;
  loading: boolean;
  reload: () => void;
  replace: (data: ResponseOf<ApiContract[R]>) => void;
} {
  type Data = ResponseOf<ApiContract[R]>;
  const [state, setState] = useState<{ data: Data | null; problem: Problem | null; loading: boolean }>({ data: null, problem: null, loading: route !== null });
  const [tick, setTick] = useState(0);
  const key = route === null ? null : `${route} ${JSON.stringify(args[0] ?? null)}`;
  const latest = useRef({ route, args });
  useEffect(() => {
    latest.current = { route, args };
  });
  useEffect(() => {
    const { route, args } = latest.current;
    if (key === null || route === null) return;
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    void steeringApi(route, ...args).then((res) => {
      if (!live) return;
      setState(res.ok ? { data: res.data, problem: null, loading: false } : { data: null, problem: res.problem, loading: false });
    });
    return () => {
      live = false;
    };
  }, [key, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  const replace = useCallback((data: Data) => setState({ data, problem: null, loading: false }), []);
  return { ...state, reload, replace };
}
