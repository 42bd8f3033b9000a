import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Page } from "../../../components/Page.js";
import { integer } from "../api.js";
import { BarometerView, YearRatesTable } from "../BarometerView.js";
import { departementName } from "../labels.js";
import { useAccount } from "../session.js";
import { useApiGet } from "../useApi.js";

/**
 * The département's EPP and EPNP rates against its target, year by year (read-only), then the national barometer
 * (the public view) for comparison with the other départements.
 */
export function DepartementBarometerPage() {
  const account = useAccount();
  const name = departementName(account.departement ?? "");
  return (
    <Page title={`Baromètre EPP / EPNP — ${name}`}>
      <p>
        Taux d'entretien prénatal précoce (EPP) et d'entretien postnatal précoce (EPNP) de votre département, comparés à son objectif (départemental s'il a été
        chargé, sinon national). En lecture seule.
      </p>
      <IndicatorTable indicator="epp" />
      <IndicatorTable indicator="epnp" />
      <section aria-labelledby="tous-departements" className="fr-mt-6w">
        <h2 id="tous-departements">Tous les départements</h2>
        <BarometerView endpoint="/barometre" />
      </section>
    </Page>
  );
}

function IndicatorTable({ indicator }: { indicator: "epp" | "epnp" }) {
  const { data, problem } = useApiGet("GET /pilotage/rappels/barometre", { query: { indicator } });
  const code = indicator.toUpperCase();
  const id = `barometre-${indicator}`;
  return (
    <section aria-labelledby={id} className="fr-my-4w">
      <h2 id={id} className="fr-h4">
        {indicator === "epp" ? "Entretien prénatal précoce (EPP)" : "Entretien postnatal précoce (EPNP)"}
      </h2>
      {problem && <Alert severity="error" small description={problem.detail} />}
      {!data && !problem && <p role="status">Chargement…</p>}
      {data?.fictitious && (
        <Alert
          severity="warning"
          small
          description="Données fictives : ces valeurs sont un jeu de démonstration inventé (npm run demo:barometre) et ne décrivent pas votre département."
          className="fr-mb-2w"
        />
      )}
      {data && data.points.length === 0 && <p>Aucune valeur n'est chargée pour ce département.</p>}
      {data && data.points.length > 0 && (
        <YearRatesTable
          caption={`Taux ${code} par année — ${data.nom} (${data.departement})`}
          lastColumn="Numérateur / dénominateur"
          rows={data.points.map((p) => ({
            ...p,
            target:
              p.targetPercent === null
                ? "—"
                : `${String(p.targetPercent).replace(".", ",")} %${p.targetSource === "departemental" ? " (départemental)" : " (national)"}`,
            last: `${integer(p.numerator)} / ${integer(p.denominator)}`,
          }))}
        />
      )}
    </section>
  );
}
