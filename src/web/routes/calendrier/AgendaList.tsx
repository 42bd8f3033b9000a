import { Link } from "react-router";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useLingui } from "@lingui/react/macro";
import type { AgendaItem } from "./useCalendar.js";
import { useParent } from "../../state/parent.js";
import { catchUpAdvice, compulsoryLabel, kindLabels, recommendedLabel, windowText } from "./labels.js";

/** A list of calendar lines with their window, badges and a "done" toggle. */
export function AgendaList({ items, headingLevel = "h3", late = false }: { items: AgendaItem[]; headingLevel?: "h3" | "h4"; late?: boolean }) {
  const { calendarDone, calendarDismissed, setDone, setDismissed, deleteAppointment } = useParent(
    "calendarDone",
    "calendarDismissed",
    "setDone",
    "setDismissed",
    "deleteAppointment",
  );
  const { t } = useLingui();
  const Heading = headingLevel;
  if (items.length === 0) return <p className="fr-text--sm">{t`Rien pour le moment.`}</p>;
  return (
    <ul className="mj-track-list">
      {items.map((item) => {
        const done = calendarDone.has(item.id);
        const dismissed = calendarDismissed.has(item.id);
        const title = item.fallback ? <span lang="fr">{item.title}</span> : item.title;
        return (
          <li key={item.id} className="fr-p-2w fr-mb-2w mj-child-box">
            <Heading className="fr-h6 fr-mb-1w">
              {item.event ? <Link to={`/calendrier/evenement/${encodeURIComponent(item.id)}`}>{title}</Link> : title}
            </Heading>
            <p className="fr-text--sm fr-mb-1w">
              {windowText(item.start, item.end)} · {item.subjectLabel}
            </p>
            <ul className="fr-badges-group">
              {item.event && (
                <li>
                  <Badge small noIcon severity={item.event.compulsory ? "warning" : "info"}>
                    {t(item.event.compulsory ? compulsoryLabel : recommendedLabel)}
                  </Badge>
                </li>
              )}
              {item.event && (
                <li>
                  <Badge small noIcon>
                    {t(kindLabels[item.event.kind])}
                  </Badge>
                </li>
              )}
              {done && (
                <li>
                  <Badge small severity="success" noIcon>
                    {t`Fait`}
                  </Badge>
                </li>
              )}
              {late && (
                <li>
                  <Badge small severity="new" noIcon>
                    {t`Pas encore fait`}
                  </Badge>
                </li>
              )}
              {dismissed && (
                <li>
                  <Badge small noIcon>
                    {t`Masqué`}
                  </Badge>
                </li>
              )}
            </ul>
            {late && item.event && <p className="fr-text--sm fr-mb-1w">{t(catchUpAdvice[item.event.kind])}</p>}
            {item.appointment?.note && <p className="fr-text--sm mj-pre-line">{item.appointment.note}</p>}
            <Button
              size="small"
              priority="tertiary"
              iconId={done ? "fr-icon-arrow-go-back-line" : "fr-icon-check-line"}
              nativeButtonProps={{ "aria-pressed": done }}
              onClick={() => void setDone(item.id, !done)}
            >
              {done ? t`Marquer comme à faire` : t`Marquer comme fait`}
              <span className="fr-sr-only"> : {item.title}</span>
            </Button>
            {(late || dismissed) && (
              <Button
                size="small"
                priority="tertiary"
                iconId={dismissed ? "fr-icon-eye-line" : "fr-icon-eye-off-line"}
                onClick={() => void setDismissed([item.id], !dismissed)}
              >
                {dismissed ? t`Afficher de nouveau` : t`Ne plus afficher`}
                <span className="fr-sr-only"> : {item.title}</span>
              </Button>
            )}
            {item.appointment && (
              <Button size="small" priority="tertiary" iconId="fr-icon-delete-line" onClick={() => void deleteAppointment(item.appointment!.id)}>
                {t`Supprimer`}
                <span className="fr-sr-only"> {t`le rendez-vous ${item.title}`}</span>
              </Button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
