import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { monthGrid, splitAgenda } from "../../../domain/calendar/agenda.js";
import { CALENDAR_RULES_STAMP, icsEntryFromEvent, toIcs, type IcsEntry, type Reminder } from "../../../domain/calendar/ics.js";
import { formatFrenchDate, isValidIsoDate } from "../../../domain/dates.js";
import { calendarInputFromProfile } from "../../../domain/calendar/from-profile.js";
import { Page } from "../../components/Page.js";
import { useParent } from "../../state/parent.js";
import { AgendaList } from "./AgendaList.js";
import { mergeAlike, subjectLabel, useCalendar, type AgendaItem, type AlikeGroup } from "./useCalendar.js";
import { isoWeekday } from "../../../domain/calendar/weekdays.js";
import { disableNotifications, enableNotifications, notificationsEnabled, notificationsSupported } from "./notifications.js";
import { downloadFile } from "../../components/download.js";

const MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];

/** Calendrier: what to do now and soon first, then a month view and the full list; export and subscription. */
export function CalendarPage() {
  const { profile, today, calendarSettled, setProfile, setDismissed } = useParent();
  const { items } = useCalendar();
  const [subject, setSubject] = useState("tous");

  if (!profile)
    return (
      <Page title="Calendrier">
        <p>
          Le calendrier se calcule à partir de vos dates (terme prévu, naissance). <Link to="/profil">Indiquez votre situation</Link> pour le voir.
        </p>
      </Page>
    );

  // One choice per person; a birth's shared events (leave, mother's follow-up) show under each twin.
  const subjects = [...new Map(items.map((i) => [i.subject, subjectLabel(i.subject, profile)]))];
  const shown = subject === "tous" ? items : items.filter((i) => i.subjects.includes(subject));
  const agenda = splitAgenda(shown, today, calendarSettled);
  const options = profile.calendar ?? { unmarried: false, diabetesRisk: false, bcg: false };
  const setOption = (key: keyof typeof options, value: boolean) => void setProfile({ ...profile, calendar: { ...options, [key]: value } });

  return (
    <Page title="Calendrier" heading="Mon calendrier">
      <p>
        Tous vos rendez-vous, démarches et droits, calculés sur cet appareil à partir de vos dates, selon les règles officielles (chaque
        événement cite sa source).
      </p>
      <Select
        label="Afficher le calendrier de"
        nativeSelectProps={{ value: subject, onChange: (e) => setSubject(e.target.value) }}
      >
        <option value="tous">Tout le monde</option>
        {subjects.map(([id, label]) => (
          <option key={id} value={id}>
            {label}
          </option>
        ))}
      </Select>

      {agenda.late.length > 0 && (
        <section aria-labelledby="pas-encore-fait" className="fr-mt-4w">
          <h2 id="pas-encore-fait">Pas encore fait</h2>
          <p className="fr-text--sm">
            Leur période est passée, mais il est encore temps. Marquez-les comme faits quand c'est le cas, ou choisissez de ne plus les
            afficher.
          </p>
          <AgendaList items={agenda.late} late />
          {agenda.late.length > 1 && (
            <Button size="small" priority="secondary" iconId="fr-icon-eye-off-line" onClick={() => void setDismissed(agenda.late.map((i) => i.id), true)}>
              Ne plus afficher ces {agenda.late.length} rappels
            </Button>
          )}
        </section>
      )}
      <section aria-labelledby="maintenant" className="fr-mt-4w">
        <h2 id="maintenant">À faire maintenant</h2>
        <AgendaList items={agenda.now} />
      </section>
      <section aria-labelledby="a-venir" className="fr-mt-4w">
        <h2 id="a-venir">À venir (2 prochains mois)</h2>
        <AgendaList items={agenda.soon} />
      </section>

      <MonthView items={shown} today={today} />

      <section aria-labelledby="plus-tard" className="fr-mt-4w">
        <h2 id="plus-tard">Plus tard</h2>
        <AgendaList items={agenda.later} />
      </section>
      <details className="fr-mt-4w mj-details">
        <summary>Événements passés, faits ou masqués ({agenda.past.length})</summary>
        <AgendaList items={agenda.past} headingLevel="h4" />
      </details>

      <AddAppointment />

      <section aria-labelledby="affiner" className="fr-mt-5w">
        <h2 id="affiner">Affiner mon calendrier</h2>
        <Checkbox
          options={[
            {
              label: "Nous ne sommes pas mariés",
              hintText: "Pour vous rappeler la reconnaissance anticipée de l'enfant",
              nativeInputProps: { checked: options.unmarried, onChange: (e) => setOption("unmarried", e.target.checked) },
            },
            {
              label: "J'ai un facteur de risque de diabète de grossesse",
              hintText: "Par exemple : diabète de grossesse déjà eu, surpoids, 35 ans ou plus, diabète chez un parent proche",
              nativeInputProps: { checked: options.diabetesRisk, onChange: (e) => setOption("diabetesRisk", e.target.checked) },
            },
            {
              label: "Le BCG est recommandé pour mon enfant",
              hintText: "Par exemple en Guyane, à Mayotte, ou si un proche a eu la tuberculose : votre médecin vous le dit",
              nativeInputProps: { checked: options.bcg, onChange: (e) => setOption("bcg", e.target.checked) },
            },
          ]}
        />
      </section>

      <ExportSection items={items} />
      <NotificationSetting />
    </Page>
  );
}

const WEEKDAYS = ["lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."];

/**
 * The month as a table of 7 days on a wide screen; on a phone, where 7 columns do not fit, the same
 * month as a list of the days that have something (weekends included). CSS shows one or the other.
 */
function MonthView({ items, today }: { items: AgendaItem[]; today: string }) {
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
  const label = `${MONTHS[cursor.month - 1]} ${cursor.year}`;
  const line = (day: string, { first, label: who }: AlikeGroup) => (
    <>
      {first.start === day ? "▸ " : "◂ fin : "}
      {first.title} <span className="mj-for">({who})</span>
    </>
  );
  return (
    <section aria-labelledby="vue-mois" className="fr-mt-4w">
      <h2 id="vue-mois">Vue du mois</h2>
      <div className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--icon-left">
        <Button size="small" priority="secondary" iconId="fr-icon-arrow-left-s-line" onClick={() => move(-1)}>
          Mois précédent
        </Button>
        <Button size="small" priority="secondary" iconId="fr-icon-arrow-right-s-line" onClick={() => move(1)}>
          Mois suivant
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
          <p className="fr-text--sm">Rien ce mois-ci.</p>
        ) : (
          <ul className="mj-track-list">
            {days.map((day) => (
              <li key={day.date} className="fr-mb-2w" aria-current={day.date === today ? "date" : undefined}>
                <strong>
                  {WEEKDAYS[isoWeekday(day.date) - 1]} {Number(day.date.slice(8))} {MONTHS[cursor.month - 1]}
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

function AddAppointment() {
  const { saveAppointment } = useParent();
  const [title, setTitle] = useState("");
  const [date, setDate] = useState("");
  const [note, setNote] = useState("");
  const [error, setError] = useState<{ field: string; message: string } | null>(null);
  const [added, setAdded] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setAdded(false);
    if (!title.trim()) return setError({ field: "title", message: "Donnez un nom au rendez-vous." });
    if (!isValidIsoDate(date)) return setError({ field: "date", message: "Indiquez une date réelle (par exemple le 14/01/2027)." });
    setError(null);
    await saveAppointment({ id: crypto.randomUUID(), title: title.trim().slice(0, 200), date, note: note.trim().slice(0, 2000) });
    setTitle("");
    setDate("");
    setNote("");
    setAdded(true);
  }

  return (
    <section aria-labelledby="ajouter" className="fr-mt-5w">
      <h2 id="ajouter">Ajouter un rendez-vous</h2>
      <form onSubmit={submit} noValidate>
        <Input
          label="Rendez-vous"
          state={error?.field === "title" ? "error" : "default"}
          stateRelatedMessage={error?.field === "title" ? error.message : undefined}
          nativeInputProps={{ name: "rdv-titre", value: title, maxLength: 200, onChange: (e) => setTitle(e.target.value) }}
        />
        <Input
          label="Date"
          state={error?.field === "date" ? "error" : "default"}
          stateRelatedMessage={error?.field === "date" ? error.message : undefined}
          nativeInputProps={{ name: "rdv-date", type: "date", value: date, onChange: (e) => setDate(e.target.value) }}
        />
        <Input label="Note (facultatif)" textArea nativeTextAreaProps={{ name: "rdv-note", value: note, maxLength: 2000, onChange: (e) => setNote(e.target.value) }} />
        <Button type="submit" iconId="fr-icon-add-line">
          Ajouter au calendrier
        </Button>
        <p role="status" className="fr-mt-1w">
          {added ? "Rendez-vous ajouté." : ""}
        </p>
      </form>
    </section>
  );
}

function ExportSection({ items }: { items: AgendaItem[] }) {
  const { profile, today } = useParent();
  const [reminder, setReminder] = useState<Reminder>("jour-meme");
  const host = typeof location === "undefined" ? "" : location.host;

  function download() {
    const entries: IcsEntry[] = items.map((item) =>
      item.event
        ? icsEntryFromEvent(item.event)
        : { uid: item.id, title: item.title, description: item.appointment?.note ?? "", start: item.start, end: item.end, categories: ["Rendez-vous personnel"] },
    );
    const ics = toIcs(entries, { calendarName: "Mille Jours – mes rendez-vous", stamp: CALENDAR_RULES_STAMP, reminder, uidDomain: location.hostname || "mille-jours" });
    downloadFile(ics, "text/calendar", `mille-jours-calendrier-${today}.ics`);
  }

  // The same ranks and multiples as the calendar on the device, from the one profile mapping.
  const input = profile ? calendarInputFromProfile(profile) : null;
  const feeds: { label: string; query: string }[] = [];
  if (input?.pregnancy)
    feeds.push({ label: "Grossesse en cours", query: `terme=${input.pregnancy.terme}&rang=${input.pregnancy.rank}&multiple=${input.pregnancy.fetuses}` });
  for (const child of new Map(input?.children.map((c) => [c.birthDate, c])).values())
    feeds.push({
      label: `Enfant(s) né(s) le ${formatFrenchDate(child.birthDate)}`,
      query: `naissance=${child.birthDate}&rang=${child.rank}&multiple=${child.siblingsBornSameDay + 1}`,
    });

  return (
    <section aria-labelledby="exporter" className="fr-mt-5w">
      <h2 id="exporter">Dans l'agenda de mon téléphone</h2>
      <Select
        label="Rappel"
        nativeSelectProps={{ value: reminder, onChange: (e) => setReminder(e.target.value as Reminder) }}
      >
        <option value="aucun">Sans rappel</option>
        <option value="jour-meme">Le premier jour, à 9 h</option>
        <option value="semaine-avant">Une semaine avant, à 9 h</option>
      </Select>
      <Button iconId="fr-icon-download-line" onClick={download}>
        Télécharger mon calendrier (.ics)
      </Button>
      <p className="fr-text--sm fr-mt-1w">
        Le fichier est créé sur cet appareil. Importé une seconde fois, il met à jour les événements au lieu de les dupliquer.
      </p>
      {feeds.length > 0 && (
        <>
          <h3 className="fr-h6 fr-mt-3w">Ou s'abonner, pour recevoir les mises à jour</h3>
          <Alert
            severity="info"
            small
            description="Un lien d'abonnement contient la date du terme ou de naissance (et rien d'autre) : votre agenda la transmet au serveur à chaque mise à jour, et toute personne qui voit le lien peut la lire. Le serveur ne l'enregistre pas. Vos rendez-vous personnels n'y figurent pas."
          />
          <ul>
            {feeds.map((feed) => (
              <li key={feed.query}>
                <a href={`webcal://${host}/api/v1/calendar.ics?${feed.query}&rappels=${reminder}`}>S'abonner : {feed.label}</a>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function NotificationSetting() {
  const [enabled, setEnabled] = useState(notificationsEnabled);
  const [message, setMessage] = useState<string | null>(null);
  if (!notificationsSupported()) return null;
  async function toggle() {
    if (enabled) {
      disableNotifications();
      setEnabled(false);
      setMessage("Notifications désactivées.");
    } else if (await enableNotifications()) {
      setEnabled(true);
      setMessage("Notifications activées : à l'ouverture de l'application, vous serez prévenu(e) des rendez-vous du jour et du lendemain.");
    } else setMessage("Le navigateur n'a pas autorisé les notifications. Vous pouvez changer cela dans ses réglages.");
  }
  return (
    <section aria-labelledby="notifications" className="fr-mt-5w">
      <h2 id="notifications">Notifications</h2>
      <p className="fr-text--sm">
        Calculées sur cet appareil à l'ouverture de l'application : rien ne passe par un serveur. Elles annoncent les événements du jour et du
        lendemain.
      </p>
      <Button priority="secondary" iconId="fr-icon-notification-3-line" nativeButtonProps={{ "aria-pressed": enabled }} onClick={() => void toggle()}>
        {enabled ? "Désactiver les notifications" : "Activer les notifications"}
      </Button>
      <p role="status" className="fr-text--sm fr-mt-1w">
        {message ?? ""}
      </p>
    </section>
  );
}
