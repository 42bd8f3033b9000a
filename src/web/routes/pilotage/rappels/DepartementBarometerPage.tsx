import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { useLingui } from "@lingui/react/macro";
import type { DepartementBarometer } from "../../../../domain/callback/contract.js";
import { Page } from "../../../components/Page.js";
import { shared } from "../../../i18n/messages.js";
import { integer } from "../api.js";
import { BarometerView, YearRatesTable } from "../BarometerView.js";
import { Target } from "../barometer/DepartementsTable.js";
import { departementName, indicatorLabels } from "../labels.js";
import { useAccount } from "../session.js";
import { useApiGet } from "../useApi.js";

/**
 * The département's EPP and EPNP rates against its target, year by year (read-only), then the national barometer
 * (the public view) for comparison with the other départements.
 */
export function DepartementBarometerPage() {
  const account = useAccount();
  const name = departementName(account.departement ?? "");
  const { t } = useLingui();
  return (
    <Page title={t`Baromètre EPP / EPNP — ${name}`}>
      <p>
        {t`Taux d'entretien prénatal précoce (EPP) et d'entretien postnatal précoce (EPNP) de votre département, comparés à son objectif (départemental s'il a été chargé, sinon national). En lecture seule.`}
      </p>
      <IndicatorTable indicator="epp" />
      <IndicatorTable indicator="epnp" />
      <section aria-labelledby="tous-departements" className="fr-mt-6w">
        <h2 id="tous-departements">{t`Tous les départements`}</h2>
        <BarometerView endpoint="/barometre" />
      </section>
    </Page>
  );
}

function IndicatorTable({ indicator }: { indicator: "epp" | "epnp" }) {
  const { data, problem } = useApiGet("GET /pilotage/rappels/barometre", { query: { indicator } });
  const code = indicator.toUpperCase();
  const id = `barometre-${indicator}`;
  const { t } = useLingui();
  const caption = (d: DepartementBarometer) => {
    const name = d.nom;
    const departement = d.departement;
    return t`Taux ${code} par année — ${name} (${departement})`;
  };
  return (
    <section aria-labelledby={id} className="fr-my-4w">
      <h2 id={id} className="fr-h4">
        {t(indicatorLabels[indicator])}
      </h2>
      {problem && <Alert severity="error" small description={problem.detail} />}
      {!data && !problem && <p role="status">{t(shared.loading)}</p>}
      {data?.fictitious && (
        <Alert
          severity="warning"
          small
          description={t`Données fictives : ces valeurs sont un jeu de démonstration inventé (npm run demo:barometre) et ne décrivent pas votre département.`}
          className="fr-mb-2w"
        />
      )}
      {data && data.points.length === 0 && <p>{t`Aucune valeur n'est chargée pour ce département.`}</p>}
      {data && data.points.length > 0 && (
        <YearRatesTable
          caption={caption(data)}
          lastColumn={t`Numérateur / dénominateur`}
          rows={data.points.map((p) => ({
            ...p,
            target: <Target value={p.targetPercent} source={p.targetSource} national />,
            last: `${integer(p.numerator)} / ${integer(p.denominator)}`,
          }))}
        />
      )}
    </section>
  );
}
