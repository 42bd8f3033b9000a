import { useState } from "react";
import { Link } from "react-router";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { Trans, useLingui } from "@lingui/react/macro";
import { plural } from "@lingui/core/macro";
import { splitAgenda } from "../../../domain/calendar/agenda.js";
import { Page } from "../../components/Page.js";
import { useParent } from "../../state/parent.js";
import { AgendaList } from "./AgendaList.js";
import { useCalendar, useSubjectLabel } from "./useCalendar.js";
import { MonthView } from "./MonthView.js";
import { AddAppointment } from "./AddAppointment.js";
import { ExportSection } from "./ExportSection.js";
import { NotificationSetting } from "./NotificationSetting.js";
import { CalendarOptions } from "./CalendarOptions.js";
import { shared } from "../../i18n/messages.js";

/** Calendrier: what to do now and soon first, then a month view and the full list; export and subscription. */
export function CalendarPage() {
  const { profile, today, calendarSettled, setDismissed } = useParent("profile", "today", "calendarSettled", "setDismissed");
  const { items } = useCalendar();
  const [subject, setSubject] = useState("tous");
  const { t } = useLingui();
  const subjectLabel = useSubjectLabel();

  if (!profile)
    return (
      <Page title={t(shared.calendrier)}>
        <p>
          <Trans>
            Le calendrier se calcule à partir de vos dates (terme prévu, naissance). <Link to="/profil">Indiquez votre situation</Link> pour le voir.
          </Trans>
        </p>
      </Page>
    );

  // One choice per person; a birth's shared events (leave, mother's follow-up) show under each twin.
  const subjects = [...new Map(items.map((i) => [i.subject, subjectLabel(i.subject, profile)]))];
  const shown = subject === "tous" ? items : items.filter((i) => i.subjects.includes(subject));
  const agenda = splitAgenda(shown, today, calendarSettled);

  return (
    <Page title={t(shared.calendrier)} heading={t`Mon calendrier`}>
      <p>
        {t`Tous vos rendez-vous, démarches et droits, calculés sur cet appareil à partir de vos dates, selon les règles officielles (chaque événement cite sa source).`}
      </p>
      <Select label={t`Afficher le calendrier de`} nativeSelectProps={{ value: subject, onChange: (e) => setSubject(e.target.value) }}>
        <option value="tous">{t`Tout le monde`}</option>
        {subjects.map(([id, label]) => (
          <option key={id} value={id}>
            {label}
          </option>
        ))}
      </Select>

      {agenda.late.length > 0 && (
        <section aria-labelledby="pas-encore-fait" className="fr-mt-4w">
          <h2 id="pas-encore-fait">{t`Pas encore fait`}</h2>
          <p className="fr-text--sm">
            {t`Leur période est passée, mais il est encore temps. Marquez-les comme faits quand c'est le cas, ou choisissez de ne plus les afficher.`}
          </p>
          <AgendaList items={agenda.late} late />
          {agenda.late.length > 1 && (
            <Button
              size="small"
              priority="secondary"
              iconId="fr-icon-eye-off-line"
              onClick={() =>
                void setDismissed(
                  agenda.late.map((i) => i.id),
                  true,
                )
              }
            >
              {plural(agenda.late.length, { one: "Ne plus afficher ce rappel", other: "Ne plus afficher ces # rappels" })}
            </Button>
          )}
        </section>
      )}
      <section aria-labelledby="maintenant" className="fr-mt-4w">
        <h2 id="maintenant">{t`À faire maintenant`}</h2>
        <AgendaList items={agenda.now} />
      </section>
      <section aria-labelledby="a-venir" className="fr-mt-4w">
        <h2 id="a-venir">{t`À venir (2 prochains mois)`}</h2>
        <AgendaList items={agenda.soon} />
      </section>

      <MonthView items={shown} today={today} />

      <section aria-labelledby="plus-tard" className="fr-mt-4w">
        <h2 id="plus-tard">{t`Plus tard`}</h2>
        <AgendaList items={agenda.later} />
      </section>
      <details className="fr-mt-4w mj-details">
        <summary>{t`Événements passés, faits ou masqués (${agenda.past.length})`}</summary>
        <AgendaList items={agenda.past} headingLevel="h4" />
      </details>

      <AddAppointment />

      <CalendarOptions />

      <ExportSection items={items} />
      <NotificationSetting />
    </Page>
  );
}
