import { useState } from "react";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { useLingui } from "@lingui/react/macro";
import { apiUrl } from "../../../domain/api/contract.js";
import { CALENDAR_RULES_STAMP, icsCalendarName, icsEntryFromEvent, toIcs, type IcsEntry, type Reminder } from "../../../domain/calendar/ics.js";
import { feedQueryString, feedsOfInput } from "../../../domain/calendar/feed-links.js";
import { calendarInputFromProfile } from "../../../domain/calendar/from-profile.js";
import { downloadFile } from "../../components/download.js";
import { formatDate } from "../../i18n/format.js";
import { useParent } from "../../state/parent.js";
import { useCalendarLanguage, type AgendaItem } from "./useCalendar.js";

/**
 * « Dans l'agenda de mon téléphone »: the .ics file made on the device, and the subscription links (dates only), both
 * in the reader's language (the feed's `langue`), French where a text is not translated.
 */
export function ExportSection({ items }: { items: AgendaItem[] }) {
  const { profile, today } = useParent("profile", "today");
  const [reminder, setReminder] = useState<Reminder>("jour-meme");
  const { t } = useLingui();
  const { language, calendar } = useCalendarLanguage();
  const host = typeof location === "undefined" ? "" : location.host;

  function download() {
    const entries: IcsEntry[] = items.map((item) =>
      item.event
        ? icsEntryFromEvent(item.event, calendar)
        : {
            uid: item.id,
            title: item.title,
            description: item.appointment?.note ?? "",
            start: item.start,
            end: item.end,
            categories: [t`Rendez-vous personnel`],
          },
    );
    const ics = toIcs(entries, {
      calendarName: icsCalendarName(calendar),
      stamp: CALENDAR_RULES_STAMP,
      reminder,
      uidDomain: location.hostname || "mille-jours",
    });
    downloadFile(ics, "text/calendar", `mille-jours-calendrier-${today}.ics`);
  }

  // The same ranks and multiples as the calendar on the device, from the one profile mapping.
  const input = profile ? calendarInputFromProfile(profile) : null;
  const feeds = (input ? feedsOfInput(input, reminder, language) : []).map((feed) => {
    const date = formatDate(feed.date);
    return {
      label: feed.kind === "terme" ? t`Grossesse en cours` : t`Naissance du ${date}`,
      href: `webcal://${host}${apiUrl("/calendar.ics")}?${feedQueryString(feed.query)}`,
    };
  });

  return (
    <section aria-labelledby="exporter" className="fr-mt-5w">
      <h2 id="exporter">{t`Dans l'agenda de mon téléphone`}</h2>
      <Select label={t`Rappel`} nativeSelectProps={{ value: reminder, onChange: (e) => setReminder(e.target.value as Reminder) }}>
        <option value="aucun">{t`Sans rappel`}</option>
        <option value="jour-meme">{t`Le premier jour, à 9 h`}</option>
        <option value="semaine-avant">{t`Une semaine avant, à 9 h`}</option>
      </Select>
      <Button iconId="fr-icon-download-line" onClick={download}>
        {t`Télécharger mon calendrier (.ics)`}
      </Button>
      <p className="fr-text--sm fr-mt-1w">
        {t`Le fichier est créé sur cet appareil. Importé une seconde fois, il met à jour les événements au lieu de les dupliquer.`}
      </p>
      {feeds.length > 0 && (
        <>
          <h3 className="fr-h6 fr-mt-3w">{t`Ou s'abonner, pour recevoir les mises à jour`}</h3>
          <Alert
            severity="info"
            small
            description={t`Un lien d'abonnement contient la date du terme ou de naissance (et rien d'autre) : votre agenda la transmet au serveur à chaque mise à jour, et toute personne qui voit le lien peut la lire. Le serveur ne l'enregistre pas. Vos rendez-vous personnels n'y figurent pas.`}
          />
          <ul>
            {feeds.map((feed) => (
              <li key={feed.href}>
                <a href={feed.href}>{t`S'abonner : ${feed.label}`}</a>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
