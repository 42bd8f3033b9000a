import { useState } from "react";
import { Link } from "react-router";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { msg, plural } from "@lingui/core/macro";
import { Trans, useLingui } from "@lingui/react/macro";
import type { MessageDescriptor } from "@lingui/core";
import type { AssessmentLevel } from "../../../domain/development/assess.js";
import { childAges } from "../../../domain/development/age.js";
import { formatChildAge } from "./ages.js";
import { formatDate } from "../../i18n/format.js";
import { Page } from "../../components/Page.js";
import { useParent } from "../../state/parent.js";
import { bandContent, useDevelopmentContent } from "./grid-content.js";

const LEVEL: Record<AssessmentLevel, MessageDescriptor> = {
  "rien-a-signaler": msg`Rien de particulier à signaler`,
  "en-parler": msg`À montrer au médecin`,
  "en-parler-vite": msg`À montrer à un médecin sans attendre`,
};

/**
 * The checks kept on this device, newest first, each deletable, in the interface's language (the kept record also
 * has the ages as written in the summary for the doctor, in French: shown when the child is no longer in the profile).
 */
export function HistoryPage() {
  const { developmentHistory: records, deleteDevelopment, profile } = useParent("developmentHistory", "deleteDevelopment", "profile");
  const { t } = useLingui();
  const development = useDevelopmentContent();
  const [confirmAll, setConfirmAll] = useState(false);

  return (
    <Page title={t`Mes repérages du développement`}>
      <p>{t`Ces résultats sont enregistrés uniquement sur cet appareil.`}</p>
      {records.length === 0 && <p>{t`Aucun repérage enregistré.`}</p>}
      {records.length > 0 && (
        <>
          <ul className="mj-track-list">
            {records.map((r) => {
              const date = formatDate(r.date);
              const child = r.childName;
              // Ages in the interface's language when the child is still in the profile; else as kept (French, for the doctor).
              const born = profile?.children.find((c) => c.id === r.childId);
              const ages = born ? childAges(born, r.date) : null;
              const realAge = ages ? formatChildAge(ages.real) : r.realAge;
              const correctedAge = ages ? (ages.corrected && r.correctedAge ? formatChildAge(ages.corrected) : null) : r.correctedAge;
              const grid = bandContent(r.band, development?.content)?.label ?? r.band;
              const nonCount = r.nonItems.length;
              return (
                <li key={r.id} className="fr-p-2w fr-mb-2w mj-child-box">
                  <p className="fr-mb-1w">
                    <strong>{date}</strong> ·{" "}
                    {correctedAge
                      ? t`${child} · âge réel ${realAge}, âge corrigé ${correctedAge} · grille « ${grid} »`
                      : t`${child} · âge réel ${realAge} · grille « ${grid} »`}
                  </p>
                  <p className="fr-mb-1w">
                    {t(LEVEL[r.level])} · {plural(nonCount, { one: "# réponse « non »", other: "# réponses « non »" })}
                  </p>
                  <Button size="small" priority="tertiary" iconId="fr-icon-delete-line" onClick={() => void deleteDevelopment(r.id)}>
                    <Trans>
                      Supprimer<span className="fr-sr-only"> le repérage du {date}</span>
                    </Trans>
                  </Button>
                </li>
              );
            })}
          </ul>
          {!confirmAll ? (
            <Button priority="secondary" iconId="fr-icon-delete-line" onClick={() => setConfirmAll(true)}>
              {t`Supprimer tout l'historique`}
            </Button>
          ) : (
            <div className="fr-btns-group fr-btns-group--inline-sm">
              <Button onClick={() => void deleteDevelopment("all").then(() => setConfirmAll(false))}>{t`Oui, tout supprimer`}</Button>
              <Button priority="secondary" onClick={() => setConfirmAll(false)}>
                {t`Annuler`}
              </Button>
            </div>
          )}
        </>
      )}
      <p className="fr-mt-3w">
        <Link to="/developpement">{t`Le développement de mon enfant`}</Link>
      </p>
    </Page>
  );
}
