import { useEffect } from "react";
import { Link } from "react-router";
import { useLingui } from "@lingui/react/macro";
import { plural } from "@lingui/core/macro";
import { sendDueNotifications } from "./notifications.js";
import { splitAgenda, thisWeek } from "../../../domain/calendar/agenda.js";
import { useParent } from "../../state/parent.js";
import { windowText } from "./labels.js";
import { mergeAlike, useCalendar } from "./useCalendar.js";

/** Home page reminder: what is open this week in the parent's calendar, computed on the device. */
export function ThisWeek() {
  const { today, calendarDone, calendarSettled } = useParent("today", "calendarDone", "calendarSettled");
  const { items } = useCalendar();
  const { t } = useLingui();
  const week = thisWeek(items, today, calendarSettled);
  const late = mergeAlike(splitAgenda(items, today, calendarSettled).late);
  useEffect(() => {
    void sendDueNotifications(items, today, new Set(calendarDone.keys())).catch(() => undefined);
  }, [items, today, calendarDone]);
  return (
    <section aria-labelledby="cette-semaine" className="fr-callout fr-mb-4w">
      <h2 id="cette-semaine" className="fr-callout__title fr-h5">
        {t`Cette semaine`}
      </h2>
      {week.length === 0 ? (
        <p>{t`Rien à faire cette semaine dans votre calendrier.`}</p>
      ) : (
        <ul>
          {mergeAlike(week)
            .slice(0, 5)
            .map(({ first: item, label }) => (
              <li key={item.id}>
                {item.event ? <Link to={`/calendrier/evenement/${encodeURIComponent(item.id)}`}>{item.title}</Link> : item.title}{" "}
                <span className="mj-for">· {label}</span> ({windowText(item.start, item.end)})
              </li>
            ))}
        </ul>
      )}
      {late.length > 0 && (
        <p>
          <strong>
            {plural(late.length, {
              one: "# étape dont la période est passée n'est pas encore faite",
              other: "# étapes dont la période est passée ne sont pas encore faites",
            })}
          </strong>{" "}
          :{" "}
          {late
            .slice(0, 3)
            .map(({ first, label }) => `${first.title} (${label})`)
            .join(" ; ")}
          {late.length > 3 ? "…" : ""}
        </p>
      )}
      <Link to="/calendrier">{t`Tout mon calendrier`}</Link>
    </section>
  );
}
