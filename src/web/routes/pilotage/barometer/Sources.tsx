import { plural } from "@lingui/core/macro";
import { useLingui } from "@lingui/react/macro";
import type { Dashboard } from "../BarometerView.js";
import { dateTime } from "../api.js";

/** Where the values and targets shown come from, when and by whom they were loaded (the source's own words). */
export function Sources({ sources }: { sources: Dashboard["sources"] }) {
  const { t } = useLingui();
  return (
    <section aria-labelledby="sources" className="fr-my-4w">
      <h2 id="sources">{t`Sources`}</h2>
      <ul>
        {sources.map((s, i) => {
          const source = s.source;
          const rows = plural(s.rows, { one: "# ligne", other: "# lignes" });
          const date = dateTime(s.loadedAt);
          const who = s.loadedBy;
          return (
            <li key={i}>
              {s.kind === "objectifs" ? t`Objectifs départementaux : ${source}` : t`Valeurs : ${source}`}
              {s.fictitious && <strong> {t`(données fictives)`}</strong>} —{" "}
              {who ? t`${rows}, chargement du ${date} par ${who}.` : t`${rows}, chargement du ${date}.`}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
