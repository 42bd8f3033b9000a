import type { Problem } from "./api.js";

/** The line-by-line report of a refused file: line 1 is the header; "fichier" for a problem with the whole file. */
export function FileReport({ problem }: { problem: Problem }) {
  const errors = problem.errors ?? [];
  if (errors.length === 0) return <p>{problem.detail}</p>;
  return (
    <div className="mj-table">
      <table tabIndex={0}>
        <caption>{problem.detail} Rien n'a été enregistré.</caption>
        <thead>
          <tr>
            <th scope="col">Ligne</th>
            <th scope="col">Colonne</th>
            <th scope="col">Problème</th>
          </tr>
        </thead>
        <tbody>
          {errors.map((e, i) => (
            <tr key={i}>
              <td>{e.line ?? "fichier"}</td>
              <td>{e.column ?? "—"}</td>
              <td>{e.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
