import { Link, useParams } from "react-router";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { useLingui } from "@lingui/react/macro";
import { isLate } from "../../../domain/calendar/agenda.js";
import { localeByCode } from "../../../domain/content/languages.js";
import { translationLabels } from "../../../domain/content/translation-labels.js";
import { Page } from "../../components/Page.js";
import { NotFoundPage } from "../NotFoundPage.js";
import { useContentState } from "../../state/content.js";
import { useParent } from "../../state/parent.js";
import { useTranslationBundle } from "../../state/translations.js";
import { formatDate } from "../../i18n/format.js";
import { shared } from "../../i18n/messages.js";
import { audienceLabels, catchUpAdvice, compulsoryLabel, kindLabels, namesList, recommendedLabel, windowText } from "./labels.js";
import { useCalendar, useCalendarLanguage } from "./useCalendar.js";
import { NearbyLinks } from "../autour/NearbyLinks.js";
import { ReadAloud } from "../../components/listen/ReadAloud.js";

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
  const { t } = useLingui();
  const { language, status } = useCalendarLanguage();
  const translation = useTranslationBundle(language);
  const content = useContentState();
  const item = items.find((i) => i.id === eventId);
  // Until the saved profile is read, the event is not known yet: « Page introuvable » would flash before it.
  if (!item?.event) return loaded ? <NotFoundPage /> : null;
  const event = item.event;
  const done = calendarDone.has(event.id);
  const dismissed = calendarDismissed.has(event.id);
  const late = isLate(item, today, calendarSettled);
  // The articles to read, with their title in the reader's language where translated.
  const translatedArticles = translation.status === "ready" ? translation.bundle.articles : [];
  const articles =
    content.status === "ready"
      ? content.bundle.articles
          .filter((a) => event.articles.includes(a.id))
          .map((a) => {
            const translated = translatedArticles.find((x) => x.id === a.id);
            return { id: a.id, title: translated?.title ?? a.title, french: !translated && language !== "fr" };
          })
      : [];
  // The event's own texts: in French when not translated, marked so (the voice and the reader know).
  const textLang = item.fallback ? { lang: "fr", dir: "ltr" as const } : {};
  const { lang: tag, dir } = localeByCode(language);
  const sourceTitle = event.source.title;

  return (
    <>
      <Breadcrumb currentPageLabel={item.title} segments={[{ label: t(shared.calendrier), linkProps: { to: "/calendrier" } }]} className="fr-mt-0" />
      <Page title={item.title} heading={<span {...textLang}>{item.title}</span>}>
        {item.fallback && (
          <div className="fr-alert fr-alert--info fr-alert--sm fr-mb-3w" data-testid="translation-fallback">
            <p>{t`Cet événement n'est pas encore traduit dans votre langue : voici le texte en français.`}</p>
          </div>
        )}
        {language !== "fr" && !item.fallback && status && (
          <p className="fr-text--sm fr-icon-info-line" data-testid="translation-status">
            {" "}
            <span lang={tag} dir={dir}>
              {status.status === "relu"
                ? translationLabels[language].reviewed(formatDate(status.reviewedOn), status.reviewer)
                : translationLabels[language].toReview}
            </span>
            {/* The French status marker (issue 14), the same in every language. */}
            {/* eslint-disable-next-line lingui/no-unlocalized-strings */}
            {language !== "falc" && status.status === "a-relire" && <span lang="fr"> (traduction à relire)</span>}
          </p>
        )}
        <ReadAloud key={`${event.id}-${language}-${item.fallback}`} regions="main h1 > span, #lecture-evenement" />
        <div id="lecture-evenement">
          <p className="fr-text--lead">
            {windowText(event.start, event.end)} · {item.subjectLabel}
          </p>
          <ul className="fr-badges-group">
            <li>
              <Badge noIcon severity={event.compulsory ? "warning" : "info"}>
                {t(event.compulsory ? compulsoryLabel : recommendedLabel)}
              </Badge>
            </li>
            <li>
              <Badge noIcon>{t(kindLabels[event.kind])}</Badge>
            </li>
            {event.healthCertificate && (
              <li>
                <Badge noIcon>{t`Certificat de santé`}</Badge>
              </li>
            )}
          </ul>
          <p className={language === "falc" ? "mj-pre-line" : undefined} data-testid="event-description" {...textLang}>
            {item.description}
          </p>
          {late && <Alert as="h2" severity="warning" small title={t`Pas encore fait`} description={t(catchUpAdvice[event.kind])} className="fr-mb-3w" />}
          <p>{t`Pour : ${namesList(event.audience.map((a) => t(audienceLabels[a])))}.`}</p>
        </div>
        <Button
          iconId={done ? "fr-icon-arrow-go-back-line" : "fr-icon-check-line"}
          nativeButtonProps={{ "aria-pressed": done }}
          onClick={() => void setDone(event.id, !done)}
        >
          {done ? t`Marquer comme à faire` : t`Marquer comme fait`}
        </Button>
        {(late || dismissed) && (
          <Button
            priority="secondary"
            className="fr-ml-2w"
            iconId={dismissed ? "fr-icon-eye-line" : "fr-icon-eye-off-line"}
            onClick={() => void setDismissed([event.id], !dismissed)}
          >
            {dismissed ? t`Afficher de nouveau` : t`Ne plus afficher`}
          </Button>
        )}
        {event.page && (
          <p className="fr-mt-3w">
            <Link to={event.page}>
              {event.page.startsWith("/developpement/reperage") ? t`Faire le point maintenant` : t`Son développement : repères et signes à surveiller`}
            </Link>
          </p>
        )}
        {event.placeTypes.length > 0 && (
          <div data-testid="nearby">
            <NearbyLinks types={event.placeTypes} />
          </div>
        )}
        {articles.length > 0 && (
          <>
            <h2 className="fr-h5 fr-mt-4w">{t`À lire`}</h2>
            <ul>
              {articles.map((a) => (
                <li key={a.id}>
                  <Link to={`/articles/${a.id}`} lang={a.french ? "fr" : undefined}>
                    {a.title}
                  </Link>
                </li>
              ))}
            </ul>
          </>
        )}
        <h2 className="fr-h6 fr-mt-4w">{t`Source de la règle`}</h2>
        <p className="fr-text--sm">
          {/* The official source is a French page: its title and publisher stay in French. */}
          <a href={event.source.url} target="_blank" rel="noopener noreferrer" title={t`${sourceTitle} – nouvelle fenêtre`} lang="fr">
            {event.source.title}
          </a>{" "}
          — <span lang="fr">{event.source.publisher}</span>, {formatDate(event.source.date)}
          {event.source.reference ? (
            <>
              {" "}
              (<span lang="fr">{event.source.reference}</span>)
            </>
          ) : (
            ""
          )}
          .
        </p>
      </Page>
    </>
  );
}
