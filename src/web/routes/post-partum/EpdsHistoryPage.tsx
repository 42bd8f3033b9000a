import { useState } from "react";
import { Trans, useLingui } from "@lingui/react/macro";
import { Link } from "react-router";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { addDays, daysBetween } from "../../../domain/dates.js";
import { bandFor } from "../../../domain/epds/score.js";
import { formatDate } from "../../i18n/format.js";
import { Page } from "../../components/Page.js";
import { useParent } from "../../state/parent.js";
import { DeleteEpdsButton } from "./DeleteEpdsButton.js";
import { bandLabels, respondents } from "./labels.js";
import { ScoreChart } from "./ScoreChart.js";
import { ScoreText } from "./ScoreText.js";

/** Past results, on the device only: a table, a simple chart, a reminder when it is worth taking again. */
export function EpdsHistoryPage() {
  const { epdsHistory, deleteEpds, today } = useParent("epdsHistory", "deleteEpds", "today");
  const [confirmAll, setConfirmAll] = useState(false);
  const { t } = useLingui();
  const latest = epdsHistory.at(-1);
  // Borderline results are worth checking again after two weeks (RCPsych notes on the scale).
  const retakeOn = latest && latest.band !== "faible" && latest.item10Points === 0 ? addDays(latest.date, 14) : null;

  return (
    <Page title={t`Mon historique post-partum`}>
      <p>{t`Ces résultats sont enregistrés uniquement sur cet appareil.`}</p>
      {epdsHistory.length === 0 ? (
        <p>
          <Trans>
            Aucun résultat enregistré. <Link to="/post-partum">Faire le questionnaire</Link>
          </Trans>
        </p>
      ) : (
        <>
          {retakeOn && (
            <Alert
              severity="info"
              className="fr-mb-3w"
              small
              description={
                daysBetween(today, retakeOn) > 0
                  ? t`Votre dernier résultat mérite d'être suivi : refaites le questionnaire vers le ${formatDate(retakeOn)}, et parlez-en à un professionnel d'ici là.`
                  : t`Votre dernier résultat mérite d'être suivi : vous pouvez refaire le questionnaire maintenant.`
              }
            />
          )}
          <ScoreChart points={epdsHistory.map((r) => ({ date: r.date, total: r.total }))} />
          <div className="mj-table fr-mt-3w mj-wide-only">
            <table tabIndex={0}>
              <caption>{t`Résultats`}</caption>
              <thead>
                <tr>
                  <th scope="col">{t`Date`}</th>
                  <th scope="col">{t`Qui a répondu`}</th>
                  <th scope="col">{t`Score`}</th>
                  <th scope="col">{t`Lecture`}</th>
                  <th scope="col">{t`Action`}</th>
                </tr>
              </thead>
              <tbody>
                {[...epdsHistory].reverse().map((r) => (
                  <tr key={r.id}>
                    <td>{formatDate(r.date)}</td>
                    <td>{t(respondents[r.audience])}</td>
                    <td>
                      <ScoreText record={r} />
                    </td>
                    <td>{t(bandLabels[bandFor(r.total).id])}</td>
                    <td>
                      <DeleteEpdsButton id={r.id} date={r.date} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {/* On a phone, 5 columns do not fit (the « Supprimer » button was cut off): one card per result. */}
          <div className="mj-narrow-only fr-mt-3w">
            <h2 className="fr-h6">{t`Résultats`}</h2>
            <ul className="mj-track-list">
              {[...epdsHistory].reverse().map((r) => (
                <li key={r.id} className="fr-p-2w fr-mb-2w mj-child-box">
                  <p className="fr-mb-1w">
                    <strong>{formatDate(r.date)}</strong> · {t(respondents[r.audience])}
                  </p>
                  <p className="fr-mb-1w">
                    <ScoreText record={r} /> · {t(bandLabels[bandFor(r.total).id])}
                  </p>
                  <DeleteEpdsButton id={r.id} date={r.date} />
                </li>
              ))}
            </ul>
          </div>
          {!confirmAll ? (
            <Button priority="secondary" iconId="fr-icon-delete-line" onClick={() => setConfirmAll(true)}>
              {t`Supprimer tout l'historique`}
            </Button>
          ) : (
            <div className="fr-btns-group fr-btns-group--inline-sm">
              <Button onClick={() => void deleteEpds("all").then(() => setConfirmAll(false))}>{t`Oui, tout supprimer`}</Button>
              <Button priority="secondary" onClick={() => setConfirmAll(false)}>
                {t`Annuler`}
              </Button>
            </div>
          )}
        </>
      )}
      <p className="fr-mt-3w">
        <Link to="/post-partum">{t`Faire le questionnaire`}</Link>
      </p>
    </Page>
  );
}
