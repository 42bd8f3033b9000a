import { useMemo, useState, type RefObject } from "react";
import type { MessageDescriptor } from "@lingui/core";
import { msg, plural } from "@lingui/core/macro";
import { Trans, useLingui } from "@lingui/react/macro";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { computeCalendar } from "../../../domain/calendar/calendar.js";
import { calendarInputFromProfile, withBirthForecast } from "../../../domain/calendar/from-profile.js";
import { addMonths, addYears, type IsoDate } from "../../../domain/dates.js";
import type { FamilyDates } from "../../../domain/handover/family.js";
import { handoverUrl } from "../../../domain/handover/link.js";
import type { Profile } from "../../../domain/profile/profile.js";
import { formatDate } from "../../i18n/format.js";
import { printLines, type PrintLine } from "./print-lines.js";
import { FamilyLanguage, useFamilyLanguage } from "./FamilyLanguage.js";
import { dateWindow, useWhoLabel } from "./print-words.js";
import { HandoverQr } from "./HandoverQr.js";

const KIND_ICONS: Record<PrintLine["kind"], string> = {
  "suivi-medical": "fr-icon-stethoscope-line",
  vaccination: "fr-icon-syringe-line",
  demarche: "fr-icon-file-text-line",
  "droit-conge": "fr-icon-calendar-line",
};
const KIND_LABELS: Record<PrintLine["kind"], MessageDescriptor> = {
  "suivi-medical": msg`Rendez-vous médical`,
  vaccination: msg`Vaccin`,
  demarche: msg`Démarche`,
  "droit-conge": msg`Droit ou congé`,
};

const PERIODS = [
  { id: "6", label: msg`Les 6 prochains mois`, end: (today: IsoDate) => addMonths(today, 6) },
  { id: "12", label: msg`Les 12 prochains mois`, end: (today: IsoDate) => addMonths(today, 12) },
  { id: "3ans", label: msg`Jusqu'aux 3 ans des enfants`, end: (today: IsoDate) => addYears(today, 4) },
] as const;

export function FamilyCalendarDocument({
  family,
  profile,
  today,
  headingRef,
}: {
  family: FamilyDates;
  profile: Profile;
  today: IsoDate;
  headingRef: RefObject<HTMLHeadingElement | null>;
}) {
  const { t } = useLingui();
  const kindLabel = (kind: PrintLine["kind"]) => t(KIND_LABELS[kind]);
  const [language, setLanguage] = useFamilyLanguage();
  const whoLabel = useWhoLabel();
  const [periodId, setPeriodId] = useState<(typeof PERIODS)[number]["id"]>("12");
  const period = PERIODS.find((p) => p.id === periodId)!;
  const lines = useMemo(
    () => printLines(computeCalendar(withBirthForecast(calendarInputFromProfile(profile))), profile, today, period.end(today)),
    [profile, today, period],
  );
  const url = handoverUrl(`${window.location.origin}${language.prefix}`, { kind: "calendar", family });
  const babies = family.pregnancy?.babies ?? 0;
  const born = family.children.length;
  const prepared = formatDate(today);
  const terme = profile.pregnancy?.terme;
  const termeDate = terme ? formatDate(terme) : null;
  const periodLabel = t(period.label);

  return (
    <section className="mj-print-document fr-mt-5w" aria-labelledby="calendrier-famille">
      <div className="mj-no-print fr-mb-3w">
        <Select
          label={t`Période du calendrier`}
          nativeSelectProps={{ name: "pro-period", value: periodId, onChange: (e) => setPeriodId(e.target.value as typeof periodId) }}
        >
          {PERIODS.map((p) => (
            <option key={p.id} value={p.id}>
              {t(p.label)}
            </option>
          ))}
        </Select>
        <FamilyLanguage language={language} onChange={setLanguage} />
        <Button type="button" iconId="fr-icon-printer-line" onClick={() => window.print()}>
          {t`Imprimer le calendrier`}
        </Button>
      </div>

      <h2 id="calendrier-famille" ref={headingRef} tabIndex={-1}>
        {t`Votre calendrier des 1000 premiers jours`}
      </h2>
      <p className="mj-print-meta">
        {t`Préparé le ${prepared}`}
        {termeDate && (
          <>
            {" · "}
            <Trans>
              Terme prévu : <strong>{termeDate}</strong>
            </Trans>
          </>
        )}
        {babies > 1 && <> · {babies === 2 ? t`Jumeaux` : babies === 3 ? t`Triplés` : t`${babies} bébés`}</>}
        {born > 0 && <> · {plural(born, { one: "# enfant né", other: "# enfants nés" })}</>}
      </p>

      <div className="mj-print-handover">
        <HandoverQr url={url} label={t`QR code du calendrier de la famille, à scanner avec le téléphone du parent`} />
        <div>
          <h3 className="fr-h6 fr-mb-1w">{t`Sur votre téléphone`}</h3>
          <p className="fr-text--sm fr-mb-1w">
            {t`Scannez ce code avec l'appareil photo : Mille Jours s'ouvre avec vos dates et vous demande de confirmer avant de les garder sur votre téléphone. Vous y trouverez chaque rendez-vous expliqué, et des rappels.`}
          </p>
          <p className="fr-text--xs mj-link-text" dir="ltr">
            {url}
          </p>
        </div>
      </div>

      <h3 className="fr-h5 fr-mt-3w">{t`${periodLabel} : vos rendez-vous et démarches`}</h3>
      {lines.length === 0 ? (
        <p>{t`Aucun rendez-vous sur cette période.`}</p>
      ) : (
        <ol className="mj-print-lines">
          {lines.map((line) => (
            <li key={line.key} className="mj-print-line">
              <span className="mj-print-date">{dateWindow(line.start, line.end)}</span>
              <span className={`mj-print-icon ${KIND_ICONS[line.kind]}`} aria-hidden="true" />
              <span className="mj-print-title">
                <span className="fr-sr-only">{t`${kindLabel(line.kind)} :`} </span>
                {/* The calendar's event titles are the domain's French until its translations reach the browser (docs/langues.md). */}
                <span lang="fr">{line.title}</span>
                {line.compulsory && <strong className="mj-print-flag"> · {t`obligatoire`}</strong>}
              </span>
              <span className="mj-print-who">{whoLabel(line.who)}</span>
            </li>
          ))}
        </ol>
      )}

      <div className="mj-print-bring">
        <h3 className="fr-h6 fr-mb-1w">{t`À apporter à chaque rendez-vous`}</h3>
        <ul className="fr-text--sm fr-mb-0">
          <li>{t`la carte Vitale (ou l'attestation de droits) ;`}</li>
          <li>{t`le carnet de suivi de grossesse, puis le carnet de santé de chaque enfant ;`}</li>
          <li>{t`les derniers résultats d'examens, comptes rendus d'échographie et ordonnances.`}</li>
        </ul>
      </div>
      <p className="fr-text--xs fr-mt-2w">
        {t`Dates calculées par Mille Jours selon les règles officielles (chaque rendez-vous cite sa source dans l'application). Une date indiquée « → » est une période : le rendez-vous se prend dans ce délai.`}
      </p>
    </section>
  );
}
