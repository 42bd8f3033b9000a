import type { Dashboard } from "../BarometerView.js";
import { dateTime, integer } from "../api.js";

/** Where the values and targets shown come from, when and by whom they were loaded. */
export function Sources({ sources }: { sources: Dashboard["sources"] }) {
  return (
    <section aria-labelledby="sources" className="fr-my-4w">
      <h2 id="sources">Sources</h2>
      <ul>
        {sources.map((s, i) => (
          <li key={i}>
            {s.kind === "objectifs" ? "Objectifs départementaux" : "Valeurs"} : {s.source}
            {s.fictitious && <strong> (données fictives)</strong>} — {integer(s.rows)} lignes, chargées le {dateTime(s.loadedAt)}
            {s.loadedBy ? ` par ${s.loadedBy}` : ""}.
          </li>
        ))}
      </ul>
    </section>
  );
}
