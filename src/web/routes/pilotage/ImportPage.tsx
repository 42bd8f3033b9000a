import type { GridImportReportAnswer as GridImportReport } from "../../../domain/api/projects.js";
import { useRef, useState } from "react";
import { Link } from "react-router";
import { plural } from "@lingui/core/macro";
import { Trans, useLingui } from "@lingui/react/macro";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Page } from "../../components/Page.js";
import { CsvUpload } from "./CsvUpload.js";
import { steeringApi, type Problem } from "./api.js";
import { FileReport } from "./FileReport.js";
import { regionName } from "./labels.js";
import { canWrite } from "../../../domain/steering/access.js";
import { useAccount } from "./session.js";

/** Imports the yearly grid from CSV: checked line by line, then written in one transaction or not at all. */
export function ImportPage() {
  const account = useAccount();
  const { t } = useLingui();
  const [csv, setCsv] = useState<{ name: string; text: string } | null>(null);
  const [result, setResult] = useState<{ report: GridImportReport } | { problem: Problem } | null>(null);
  const [busy, setBusy] = useState(false);
  const resultRef = useRef<HTMLDivElement>(null);

  if (!canWrite(account))
    return (
      <Page title={t`Importer la grille`}>
        <p>{t`Votre compte est en lecture seule.`}</p>
      </Page>
    );

  const ownRegion = regionName(account.region ?? "");

  async function send(dryRun: boolean) {
    if (!csv) return;
    setBusy(true);
    const res = await steeringApi("POST /pilotage/projets/import", { body: { csv: csv.text, dryRun } });
    setBusy(false);
    setResult(res.ok ? { report: res.data } : { problem: res.problem });
    resultRef.current?.focus();
  }

  return (
    <Page title={t`Importer la grille des projets`}>
      <p>
        <Trans>
          Importez la liste des projets d'une année au format de la grille (voir <Link to="/pilotage/liste">la description des colonnes</Link>). Une ligne sans
          identifiant crée un projet ; une ligne avec l'identifiant d'un projet existant met à jour ce projet et ses montants de l'année, sans toucher aux
          autres années. Le fichier est d'abord vérifié ligne par ligne : s'il contient une seule erreur, rien n'est enregistré.
        </Trans>
        {account.role === "regional" && ` ${t`Vous ne pouvez importer que des projets de la région ${ownRegion}.`}`}
      </p>
      <CsvUpload
        label={t`Fichier CSV de la grille`}
        name="grille"
        maxBytes={10_000_000}
        onText={(text, fileName) => setCsv({ name: fileName, text })}
        onRefused={(message) => setResult({ problem: { status: 0, title: t`Fichier refusé`, detail: message } })}
        onCleared={() => {
          setResult(null);
          setCsv(null);
        }}
      />
      <div className="fr-btns-group fr-btns-group--inline-md fr-mt-3w">
        <Button priority="secondary" disabled={!csv || busy} onClick={() => void send(true)}>
          {t`Vérifier sans enregistrer`}
        </Button>
        <Button disabled={!csv || busy} onClick={() => void send(false)}>
          {t`Importer`}
        </Button>
      </div>
      <div ref={resultRef} tabIndex={-1} aria-live="polite" className="fr-mt-3w">
        {result && "problem" in result && (
          <>
            <Alert
              severity="error"
              small
              as="h2"
              title={result.problem.title}
              description={t`Le fichier n'a pas été importé : corrigez les lignes ci-dessous puis recommencez.`}
              className="fr-mb-2w"
            />
            <FileReport problem={result.problem} />
          </>
        )}
        {result && "report" in result && (
          <>
            <Alert severity="success" small description={reportSummary(result.report)} className="fr-mb-2w" />
            <div className="mj-table">
              <table tabIndex={0}>
                <caption>{t`Lignes du fichier`}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t`Ligne`}</th>
                    <th scope="col">{t`Action`}</th>
                    <th scope="col">{t`Projet`}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.report.rows.map((r) => (
                    <tr key={r.line}>
                      <td>{r.line}</td>
                      <td>{r.action === "creation" ? t`création` : t`mise à jour`}</td>
                      <td>{r.id ? <Link to={`/pilotage/projets/${r.id}`}>{r.title}</Link> : r.title}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </div>
    </Page>
  );
}

/** « Import terminé : liste 2024, 2 projets créés, 1 mis à jour. » */
function reportSummary(report: GridImportReport): string {
  const year = report.year;
  const updated = report.updated;
  if (report.dryRun) {
    const created = plural(report.created, { one: "# projet à créer", other: "# projets à créer" });
    return plural(updated, {
      one: `Fichier valide (vérification seule, rien n'est enregistré) : liste ${year}, ${created}, # à mettre à jour.`,
      other: `Fichier valide (vérification seule, rien n'est enregistré) : liste ${year}, ${created}, # à mettre à jour.`,
    });
  }
  const created = plural(report.created, { one: "# projet créé", other: "# projets créés" });
  return plural(updated, {
    one: `Import terminé : liste ${year}, ${created}, # mis à jour.`,
    other: `Import terminé : liste ${year}, ${created}, # mis à jour.`,
  });
}
