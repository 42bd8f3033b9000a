import { useLingui } from "@lingui/react/macro";
import type { Problem } from "./api.js";

/** The line-by-line report of a refused file: line 1 is the header; "fichier" for a problem with the whole file. */
export function FileReport({ problem }: { problem: Problem }) {
  const { t } = useLingui();
  const errors = problem.errors ?? [];
  if (errors.length === 0) return <p>{problem.detail}</p>;
  return (
    <div className="mj-table">
      <table tabIndex={0}>
        <caption>
          {problem.detail} {t`Rien n'a été enregistré.`}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t`Ligne`}</th>
            <th scope="col">{t`Colonne`}</th>
            <th scope="col">{t`Problème`}</th>
          </tr>
        </thead>
        <tbody>
          {errors.map((e, i) => (
            <tr key={i}>
              <td>{e.line ?? t`fichier`}</td>
              <td>{e.column ?? "—"}</td>
              <td>{e.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
