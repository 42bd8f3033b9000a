import { Trans, useLingui } from "@lingui/react/macro";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import type { Profile } from "../../../domain/profile/profile.js";
import { formatDate } from "../../i18n/format.js";
import { ChildLine } from "./ChildLine.js";

/** What a received calendar hand-over will save on this device, and a warning when it replaces a profile. */
export function ProfilePreview({ profile, existing }: { profile: Profile; existing: Profile | null }) {
  const { t } = useLingui();
  const pregnancy = profile.pregnancy;
  const terme = pregnancy ? formatDate(pregnancy.terme) : "";
  const ddr = pregnancy?.ddr ? formatDate(pregnancy.ddr) : null;
  const babies = pregnancy?.babies ?? 1;
  return (
    <section aria-labelledby="a-enregistrer" className="fr-mb-3w">
      <h2 id="a-enregistrer" className="fr-h4">
        {t`Ce qui sera enregistré`}
      </h2>
      <ul>
        {pregnancy && (
          <li>
            <Trans>
              Grossesse en cours, terme prévu le <strong>{terme}</strong>
            </Trans>
            {ddr && <> {t`(dernières règles le ${ddr})`}</>}
            {babies > 1 && <>, {babies === 2 ? t`jumeaux` : t`${babies} bébés`}</>}
          </li>
        )}
        {profile.children.map((child, i) => (
          <ChildLine key={child.id} rank={i + 1} born={formatDate(child.birthDate)} expected={child.expectedTerme ? formatDate(child.expectedTerme) : null} />
        ))}
        {profile.calendar?.unmarried && <li>{t`Parents non mariés (rappel de la reconnaissance anticipée)`}</li>}
        {profile.calendar?.diabetesRisk && <li>{t`Facteur de risque de diabète de grossesse`}</li>}
        {profile.calendar?.bcg && <li>{t`BCG recommandé pour l'enfant`}</li>}
      </ul>
      {existing && (
        <Alert
          severity="warning"
          small
          description={t`Ce téléphone a déjà un profil : ces dates remplaceront celles qui y sont enregistrées (vos autres réponses et les prénoms déjà saisis sont gardés).`}
        />
      )}
    </section>
  );
}
