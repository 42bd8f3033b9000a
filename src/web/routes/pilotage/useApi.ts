import { useCallback, useEffect, useState } from "react";
import { api, type Problem } from "./api.js";

/** GETs a path and keeps the answer; `reload` fetches again; `replace` keeps a newer copy a change already answered with. */
export function useApiGet<T>(path: string | null): {
  data: T | null;
  problem: Problem | null;
  loading: boolean;
  reload: () => void;
  replace: (data: T) => void;
} {
  const [state, setState] = useState<{ data: T | null; problem: Problem | null; loading: boolean }>({ data: null, problem: null, loading: path !== null });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (path === null) return;
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    void api<T>("GET", path).then((res) => {
      if (!live) return;
      setState(res.ok ? { data: res.data, problem: null, loading: false } : { data: null, problem: res.problem, loading: false });
    });
    return () => {
      live = false;
    };
  }, [path, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  const replace = useCallback((data: T) => setState({ data, problem: null, loading: false }), []);
  return { ...state, reload, replace };
}
