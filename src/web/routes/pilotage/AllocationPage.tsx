import { useLingui } from "@lingui/react/macro";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { LATEST_ALLOCATION_RULE } from "../../../domain/funding/allocation.js";
import { Page } from "../../components/Page.js";
import { AllocationForm } from "./AllocationForm.js";
import { AllocationResult } from "./AllocationResult.js";
import { dateTime, euros } from "./api.js";
import { BirthsSummary } from "./BirthsSummary.js";
import { BirthsUpload } from "./BirthsUpload.js";
import { voletNames } from "./labels.js";
import { useAccount } from "./session.js";
import { useApiGet } from "./useApi.js";

const { fixedPerRegion, birthsYear } = LATEST_ALLOCATION_RULE;

/** Regional credits: the national administration computes; every account reads the results. */
export function AllocationPage() {
  const account = useAccount();
  const { t } = useLingui();
  const births = useApiGet("GET /pilotage/naissances");
  const fixedSante = euros(fixedPerRegion.sante);
  const fixedSocial = euros(fixedPerRegion.social);
  const history = useApiGet("GET /pilotage/repartitions");
  const latest = history.data?.[0];

  return (
    <Page title={t`Répartition des crédits régionaux`}>
      <p>
        {t`Règle de l'instruction n° SGMCAS/2023/110 du 18 juillet 2023 (§3.1) : une part fixe par région participante (${fixedSante} pour le volet santé des ARS, ${fixedSocial} pour le volet social des DREETS), puis le reste de l'enveloppe partagé au prorata des naissances de ${birthsYear}. Montants arrondis à l'euro ; les euros restants vont aux plus fortes parties décimales, de sorte que la somme égale l'enveloppe.`}
      </p>
      {births.data && <BirthsSummary info={births.data} />}
      {account.role === "national" && births.data && <AllocationForm info={births.data} onDone={history.reload} />}
      {account.role === "national" && <BirthsUpload onDone={births.reload} />}
      <h2>{t`Répartitions calculées`}</h2>
      {history.problem && <Alert severity="error" small description={history.problem.detail} />}
      {history.data && history.data.length === 0 && <p>{t`Aucune répartition n'a encore été calculée par l'administration nationale.`}</p>}
      {latest && <AllocationResult allocation={latest} heading="h3" />}
      {history.data && history.data.length > 1 && (
        <>
          <h3>{t`Calculs précédents`}</h3>
          <ul>
            {history.data.slice(1).map((a) => {
              const at = dateTime(a.computedAt);
              const year = a.year;
              const volet = t(voletNames[a.volet]);
              const envelope = euros(a.envelope);
              const regions = a.regions.length;
              const births = a.birthsYear;
              return <li key={a.id}>{t`${at} — ${year}, volet ${volet}, enveloppe ${envelope}, ${regions} régions, naissances ${births}`}</li>;
            })}
          </ul>
        </>
      )}
    </Page>
  );
}
