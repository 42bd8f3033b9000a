import { Link, useParams } from "react-router";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { catchUpAdvice, isLate } from "../../../domain/calendar/agenda.js";
import { formatFrenchDate } from "../../../domain/dates.js";
import { Page } from "../../components/Page.js";
import { NotFoundPage } from "../NotFoundPage.js";
import { useContentState } from "../../state/content.js";
import { useParent } from "../../state/parent.js";
import { windowText } from "./AgendaList.js";
import { eventKindLabels } from "../../../domain/calendar/ics.js";
import { useCalendar } from "./useCalendar.js";
import { NearbyLinks } from "../autour/NearbyLinks.js";
import { ReadAloud } from "../../components/listen/ReadAloud.js";

const audienceLabels: Record<string, string> = { mere: "la mère", "second-parent": "le second parent", enfant: "l'enfant" };

/** One calendar event: what it is, when, for whom, what to read, where to go, and the rule's source. */
export function EventPage() {
  const { eventId } = useParams();
  const { items } = useCalendar();
  const { calendarDone, calendarDismissed, calendarSettled, setDone, setDismissed, today, loaded } = useParent(
    "calendarDone",
    "calendarDismissed",
    "calendarSettled",
    "setDone",
    "setDismissed",
    "today",
    "loaded",
  );
  const content = useContentState();
  const item = items.find((i) => i.id === eventId);
  // Until the saved profile is read, the event is not known yet: « Page introuvable » would flash before it.
  if (!item?.event) return loaded ? <NotFoundPage /> : null;
  const event = item.event;
  const done = calendarDone.has(event.id);
  const dismissed = calendarDismissed.has(event.id);
  const late = isLate(item, today, calendarSettled);
  const articles = content.status === "ready" ? content.bundle.articles.filter((a) => event.articles.includes(a.id)) : [];

  return (
    <>
      <Breadcrumb currentPageLabel={event.title} segments={[{ label: "Calendrier", linkProps: { to: "/calendrier" } }]} className="fr-mt-0" />
      <Page title={event.title}>
        <ReadAloud key={event.id} regions="main h1, #lecture-evenement" />
        <div id="lecture-evenement">
          <p className="fr-text--lead">
            {windowText(event.start, event.end)} · {item.subjectLabel}
          </p>
          <ul className="fr-badges-group">
            <li>
              <Badge noIcon severity={event.compulsory ? "warning" : "info"}>
                {event.compulsory ? "Obligatoire" : "Recommandé"}
              </Badge>
            </li>
            <li>
              <Badge noIcon>{eventKindLabels[event.kind]}</Badge>
            </li>
            {event.healthCertificate && (
              <li>
                <Badge noIcon>Certificat de santé</Badge>
              </li>
            )}
          </ul>
          <p>{event.description}</p>
          {late && <Alert as="h2" severity="warning" small title="Pas encore fait" description={catchUpAdvice(event.kind)} className="fr-mb-3w" />}
          <p>Pour : {event.audience.map((a) => audienceLabels[a] ?? a).join(", ")}.</p>
        </div>
        <Button
          iconId={done ? "fr-icon-arrow-go-back-line" : "fr-icon-check-line"}
          nativeButtonProps={{ "aria-pressed": done }}
          onClick={() => void setDone(event.id, !done)}
        >
          {done ? "Marquer comme à faire" : "Marquer comme fait"}
        </Button>
        {(late || dismissed) && (
          <Button
            priority="secondary"
            className="fr-ml-2w"
            iconId={dismissed ? "fr-icon-eye-line" : "fr-icon-eye-off-line"}
            onClick={() => void setDismissed([event.id], !dismissed)}
          >
            {dismissed ? "Afficher de nouveau" : "Ne plus afficher"}
          </Button>
        )}
        {event.page && (
          <p className="fr-mt-3w">
            <Link to={event.page}>
              {event.page.startsWith("/developpement/reperage") ? "Faire le point maintenant" : "Son développement : repères et signes à surveiller"}
            </Link>
          </p>
        )}
        {event.placeTypes.length > 0 && <NearbyLinks types={event.placeTypes} />}
        {articles.length > 0 && (
          <>
            <h2 className="fr-h5 fr-mt-4w">À lire</h2>
            <ul>
              {articles.map((a) => (
                <li key={a.id}>
                  <Link to={`/articles/${a.id}`}>{a.title}</Link>
                </li>
              ))}
            </ul>
          </>
        )}
        <h2 className="fr-h6 fr-mt-4w">Source de la règle</h2>
        <p className="fr-text--sm">
          <a href={event.source.url} target="_blank" rel="noopener noreferrer" title={`${event.source.title} – nouvelle fenêtre`}>
            {event.source.title}
          </a>{" "}
          — {event.source.publisher}, {formatFrenchDate(event.source.date)}
          {event.source.reference ? ` (${event.source.reference})` : ""}.
        </p>
      </Page>
    </>
  );
}
