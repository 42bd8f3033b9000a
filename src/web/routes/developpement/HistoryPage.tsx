import { useState } from "react";
import { Link } from "react-router";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { formatFrenchDate } from "../../../domain/dates.js";
import type { AssessmentLevel } from "../../../domain/development/assess.js";
import { Page } from "../../components/Page.js";
import { useParent } from "../../state/parent.js";
import { bandContent } from "./grid-content.js";

const LEVEL: Record<AssessmentLevel, string> = {
  "rien-a-signaler": "Rien de particulier à signaler",
  "en-parler": "À montrer au médecin",
  "en-parler-vite": "À montrer à un médecin sans attendre",
};

/** The checks kept on this device, newest first, each deletable. */
export function HistoryPage() {
  const { developmentHistory: records, deleteDevelopment } = useParent();
  const [confirmAll, setConfirmAll] = useState(false);

  return (
    <Page title="Mes repérages du développement">
      <p>Ces résultats sont enregistrés uniquement sur cet appareil.</p>
      {records.length === 0 && <p>Aucun repérage enregistré.</p>}
      {records.length > 0 && (
        <>
          <ul className="mj-track-list">
            {records.map((r) => (
              <li key={r.id} className="fr-p-2w fr-mb-2w mj-child-box">
                <p className="fr-mb-1w">
                  <strong>{formatFrenchDate(r.date)}</strong> · {r.childName} · âge réel {r.realAge}
                  {r.correctedAge && `, âge corrigé ${r.correctedAge}`} · grille « {bandContent(r.band)?.label ?? r.band} »
                </p>
                <p className="fr-mb-1w">
                  {LEVEL[r.level]} · {r.nonItems.length} réponse{r.nonItems.length > 1 ? "s" : ""} « non »
                </p>
                <Button size="small" priority="tertiary" iconId="fr-icon-delete-line" onClick={() => void deleteDevelopment(r.id)}>
                  Supprimer<span className="fr-sr-only"> le repérage du {formatFrenchDate(r.date)}</span>
                </Button>
              </li>
            ))}
          </ul>
          {!confirmAll ? (
            <Button priority="secondary" iconId="fr-icon-delete-line" onClick={() => setConfirmAll(true)}>
              Supprimer tout l'historique
            </Button>
          ) : (
            <div className="fr-btns-group fr-btns-group--inline-sm">
              <Button onClick={() => void deleteDevelopment("all").then(() => setConfirmAll(false))}>Oui, tout supprimer</Button>
              <Button priority="secondary" onClick={() => setConfirmAll(false)}>
                Annuler
              </Button>
            </div>
          )}
        </>
      )}
      <p className="fr-mt-3w">
        <Link to="/developpement">Le développement de mon enfant</Link>
      </p>
    </Page>
  );
}
