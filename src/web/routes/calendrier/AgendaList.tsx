import { Link } from "react-router";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { formatFrenchDate } from "../../../domain/dates.js";
import { eventKindLabels } from "../../../domain/calendar/ics.js";
import { catchUpAdvice } from "../../../domain/calendar/agenda.js";
import type { AgendaItem } from "./useCalendar.js";
import { useParent } from "../../state/parent.js";

export function windowText(start: string, end: string): string {
  return start === end ? `le ${formatFrenchDate(start)}` : `du ${formatFrenchDate(start)} au ${formatFrenchDate(end)}`;
}

/** A list of calendar lines with their window, badges and a "done" toggle. */
export function AgendaList({ items, headingLevel = "h3", late = false }: { items: AgendaItem[]; headingLevel?: "h3" | "h4"; late?: boolean }) {
  const { calendarDone, calendarDismissed, setDone, setDismissed, deleteAppointment } = useParent(
    "calendarDone",
    "calendarDismissed",
    "setDone",
    "setDismissed",
    "deleteAppointment",
  );
  const Heading = headingLevel;
  if (items.length === 0) return <p className="fr-text--sm">Rien pour le moment.</p>;
  return (
    <ul className="mj-track-list">
      {items.map((item) => {
        const done = calendarDone.has(item.id);
        const dismissed = calendarDismissed.has(item.id);
        return (
          <li key={item.id} className="fr-p-2w fr-mb-2w mj-child-box">
            <Heading className="fr-h6 fr-mb-1w">
              {item.event ? <Link to={`/calendrier/evenement/${encodeURIComponent(item.id)}`}>{item.title}</Link> : item.title}
            </Heading>
            <p className="fr-text--sm fr-mb-1w">
              {windowText(item.start, item.end)} · {item.subjectLabel}
            </p>
            <ul className="fr-badges-group">
              {item.event && (
                <li>
                  <Badge small noIcon severity={item.event.compulsory ? "warning" : "info"}>
                    {item.event.compulsory ? "Obligatoire" : "Recommandé"}
                  </Badge>
                </li>
              )}
              {item.event && (
                <li>
                  <Badge small noIcon>
                    {eventKindLabels[item.event.kind]}
                  </Badge>
                </li>
              )}
              {done && (
                <li>
                  <Badge small severity="success" noIcon>
                    Fait
                  </Badge>
                </li>
              )}
              {late && (
                <li>
                  <Badge small severity="new" noIcon>
                    Pas encore fait
                  </Badge>
                </li>
              )}
              {dismissed && (
                <li>
                  <Badge small noIcon>
                    Masqué
                  </Badge>
                </li>
              )}
            </ul>
            {late && item.event && <p className="fr-text--sm fr-mb-1w">{catchUpAdvice(item.event.kind)}</p>}
            {item.appointment?.note && <p className="fr-text--sm mj-pre-line">{item.appointment.note}</p>}
            <Button
              size="small"
              priority="tertiary"
              iconId={done ? "fr-icon-arrow-go-back-line" : "fr-icon-check-line"}
              nativeButtonProps={{ "aria-pressed": done }}
              onClick={() => void setDone(item.id, !done)}
            >
              {done ? "Marquer comme à faire" : "Marquer comme fait"}
              <span className="fr-sr-only"> : {item.title}</span>
            </Button>
            {(late || dismissed) && (
              <Button
                size="small"
                priority="tertiary"
                iconId={dismissed ? "fr-icon-eye-line" : "fr-icon-eye-off-line"}
                onClick={() => void setDismissed([item.id], !dismissed)}
              >
                {dismissed ? "Afficher de nouveau" : "Ne plus afficher"}
                <span className="fr-sr-only"> : {item.title}</span>
              </Button>
            )}
            {item.appointment && (
              <Button size="small" priority="tertiary" iconId="fr-icon-delete-line" onClick={() => void deleteAppointment(item.appointment!.id)}>
                Supprimer<span className="fr-sr-only"> le rendez-vous {item.title}</span>
              </Button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
