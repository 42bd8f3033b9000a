import { Suspense, useState } from "react";
import { useLingui } from "@lingui/react/macro";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Select } from "@codegouvfr/react-dsfr/Select";
import type { Dashboard } from "../../../domain/api/steering-data.js";
import { INDICATORS, type Indicator } from "../../../domain/steering/barometer.js";
import { lazyWithMessages } from "../../i18n/lazy.js";
import { shared } from "../../i18n/messages.js";
import { indicatorLabels } from "./labels.js";
import { useApiGet } from "./useApi.js";
import { DepartementsTable } from "./barometer/DepartementsTable.js";
import { Sources } from "./barometer/Sources.js";
import { Targets } from "./barometer/Targets.js";
import { Trend } from "./barometer/Trend.js";

export { YearRatesTable, type YearRate } from "./barometer/YearRatesTable.js";

/**
 * The map's outlines (140 KB, 45 KB gzip) come with it, on demand: only once an answer has départements to colour, and
 * never for a barometer without data (issue 19).
 */
const ChoroplethMap = lazyWithMessages(() => import("./barometer/ChoroplethMap.js").then((m) => ({ default: m.ChoroplethMap })));

/** The dashboard as the API sends it (the shared contract, src/domain/api/steering-data.ts). */
export type { Dashboard };

/** The barometer, for the public page (`/barometre`) and the private dashboard (`/pilotage/barometre`). */
export function BarometerView({ endpoint }: { endpoint: "/barometre" | "/pilotage/barometre" }) {
  const [indicator, setIndicator] = useState<Indicator>("epp");
  const [year, setYear] = useState<number | null>(null);
  const { data, problem } = useApiGet(endpoint === "/barometre" ? "GET /barometre" : "GET /pilotage/barometre", {
    query: { indicator, ...(year ? { year } : {}) },
  });
  const { t } = useLingui();
  const code = indicator.toUpperCase();

  return (
    <>
      <div className="fr-btns-group fr-btns-group--inline-sm" role="group" aria-label={t`Indicateur`}>
        {INDICATORS.map((i) => (
          <Button
            key={i}
            size="small"
            priority={indicator === i ? "primary" : "secondary"}
            nativeButtonProps={{ "aria-pressed": indicator === i }}
            onClick={() => setIndicator(i)}
          >
            {t(indicatorLabels[i])}
          </Button>
        ))}
      </div>
      {problem && <Alert severity="error" small description={problem.detail} />}
      {!data && !problem && <p role="status">{t(shared.loading)}</p>}
      {data && data.fictitious && (
        <Alert
          severity="warning"
          as="h2"
          title={t`Données fictives`}
          description={t`Les valeurs affichées sont un jeu de démonstration inventé (commande npm run demo:barometre) : elles ne décrivent aucun département réel et ne doivent pas être citées.`}
          className="fr-my-3w"
        />
      )}
      {/* The server's messages are French: each case it can send has its own message here. */}
      {data && !data.loaded && (
        <Alert
          severity="info"
          as="h2"
          title={t`Aucune donnée chargée`}
          description={t`Aucune valeur EPP ou EPNP n'est chargée : le baromètre s'affichera quand l'administration nationale aura importé un fichier de sa source (format documenté).`}
          className="fr-my-3w"
        />
      )}
      {data && data.loaded && (
        <>
          {data.message && <Alert severity="info" small description={t`Aucune valeur ${code} n'est chargée.`} className="fr-my-3w" />}
          <Targets targets={data.nationalTargets} />
          {data.national.length > 0 && <Trend data={data} />}
          {data.years.length > 0 && (
            <div className="mj-narrow-form">
              <Select
                label={t`Année du détail par département`}
                nativeSelectProps={{ name: "annee", value: String(data.year ?? ""), onChange: (e) => setYear(Number(e.target.value)) }}
              >
                {data.years.map((y) => (
                  <option key={y} value={y}>
                    {y}
                  </option>
                ))}
              </Select>
            </div>
          )}
          {data.departements.length > 0 && (
            <>
              <Suspense fallback={<p role="status">{t(shared.loading)}</p>}>
                <ChoroplethMap data={data} />
              </Suspense>
              <DepartementsTable data={data} />
            </>
          )}
          <Sources sources={data.sources} />
        </>
      )}
      {data && !data.loaded && <Targets targets={data.nationalTargets} />}
    </>
  );
}
