import { useState } from "react";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useLingui } from "@lingui/react/macro";
import { monthGrid } from "../../../domain/calendar/agenda.js";
import { isoWeekday } from "../../../domain/calendar/weekdays.js";
import { localeByCode } from "../../../domain/content/languages.js";
import { dayAndMonth, monthLabel, weekdays } from "../../i18n/format.js";
import { useContentLanguage } from "../../state/translations.js";
import { mergeAlike, type AgendaItem, type AlikeGroup } from "./useCalendar.js";

/**
 * The month as a table of 7 days on a wide screen; on a phone, where 7 columns do not fit, the same
 * month as a list of the days that have something (weekends included). CSS shows one or the other.
 */
export function MonthView({ items, today }: { items: AgendaItem[]; today: string }) {
  const { t } = useLingui();
  // The start and end marks point the way the text reads (right to left in Arabic and Dari).
  const rtl = localeByCode(useContentLanguage()).dir === "rtl";
  const WEEKDAYS = weekdays();
  const [cursor, setCursor] = useState(() => ({ year: Number(today.slice(0, 4)), month: Number(today.slice(5, 7)) }));
  const move = (delta: number) =>
    setCursor(({ year, month }) => {
      const index = year * 12 + (month - 1) + delta;
      return { year: Math.floor(index / 12), month: (index % 12) + 1 };
    });
  const grid = monthGrid(items, cursor.year, cursor.month).map((week) =>
    week.map((day) => ({
      date: day.date,
      // What starts or ends that day; twins' identical steps once, with both names.
      groups: day.date ? mergeAlike(day.events.filter((e) => e.start === day.date || e.end === day.date)) : [],
    })),
  );
  const days = grid.flat().filter((day): day is { date: string; groups: AlikeGroup[] } => day.date !== null && day.groups.length > 0);
  const label = monthLabel(cursor.year, cursor.month);
  const line = (day: string, { first, label: who }: AlikeGroup) => (
    <>
      {first.start === day ? (
        <span aria-hidden="true">{rtl ? "◂ " : "▸ "}</span>
      ) : (
        <>
          <span aria-hidden="true">{rtl ? "▸ " : "◂ "}</span>
          {t`fin :`}{" "}
        </>
      )}
      <span lang={first.fallback ? "fr" : undefined}>{first.title}</span> <span className="mj-for">({who})</span>
    </>
  );
  return (
    <section aria-labelledby="vue-mois" className="fr-mt-4w">
      <h2 id="vue-mois">{t`Vue du mois`}</h2>
      <div className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--icon-left">
        <Button size="small" priority="secondary" iconId="fr-icon-arrow-left-s-line" onClick={() => move(-1)}>
          {t`Mois précédent`}
        </Button>
        <Button size="small" priority="secondary" iconId="fr-icon-arrow-right-s-line" onClick={() => move(1)}>
          {t`Mois suivant`}
        </Button>
      </div>
      <p className="fr-h6 fr-mb-1w mj-month-label" aria-live="polite">
        {label}
      </p>
      <div className="mj-table mj-month">
        <table tabIndex={0}>
          <caption className="fr-sr-only">{label}</caption>
          <thead>
            <tr>
              {WEEKDAYS.map((d) => (
                <th key={d} scope="col">
                  {d}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {grid.map((week, w) => (
              <tr key={w}>
                {week.map((day, d) => (
                  <td key={d} aria-current={day.date === today ? "date" : undefined}>
                    {day.date && (
                      <>
                        <strong>{Number(day.date.slice(8))}</strong>
                        {day.groups.map((group) => (
                          <span key={group.first.id} className="fr-text--xs mj-month-event">
                            {line(day.date!, group)}
                          </span>
                        ))}
                      </>
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="mj-month-list">
        {days.length === 0 ? (
          <p className="fr-text--sm">{t`Rien ce mois-ci.`}</p>
        ) : (
          <ul className="mj-track-list">
            {days.map((day) => (
              <li key={day.date} className="fr-mb-2w" aria-current={day.date === today ? "date" : undefined}>
                <strong>
                  {WEEKDAYS[isoWeekday(day.date) - 1]} {dayAndMonth(day.date)}
                </strong>
                <ul>
                  {day.groups.map((group) => (
                    <li key={group.first.id} className="fr-text--sm fr-mb-0">
                      {line(day.date, group)}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
