import { plural } from "@lingui/core/macro";
import { Trans, useLingui } from "@lingui/react/macro";
import type { IsoDate } from "../../../domain/dates.js";
import { childAges, type ChildBirth } from "../../../domain/development/age.js";
import { formatDate } from "../../i18n/format.js";
import { formatBirthTerm, formatChildAge } from "./ages.js";

/**
 * Real and corrected age side by side, with the explanation, for a child born before 37 SA and under
 * 2 years. Nothing for a child born at term (its real age is already shown where it matters).
 */
export function AgesBox({ child, today, name }: { child: ChildBirth; today: IsoDate; name: string }) {
  const { t } = useLingui();
  const ages = childAges(child, today);
  if (!ages.corrected || !ages.gestationalAgeAtBirth) return null;
  const term = formatBirthTerm(ages.gestationalAgeAtBirth);
  const birth = name ? t`${name} : naissance à ${term}` : t`Naissance à ${term}`;
  const weeks = ages.correctionWeeks;
  const end = formatDate(ages.correctionEnds!);
  return (
    <div className="mj-ages fr-p-2w fr-mb-2w">
      <dl className="mj-ages-list">
        <div>
          <dt>{t`Âge réel`}</dt>
          <dd>{formatChildAge(ages.real)}</dd>
        </div>
        <div>
          <dt>{t`Âge corrigé`}</dt>
          <dd>{ages.corrected.totalDays < 0 ? t`pas encore atteint son terme` : formatChildAge(ages.corrected)}</dd>
        </div>
      </dl>
      <p className="fr-text--sm fr-mb-0">
        {plural(weeks, { one: `${birth}, # semaine avant 40 SA.`, other: `${birth}, # semaines avant 40 SA.` })}{" "}
        <Trans>
          Jusqu'à 2 ans (le {end}), le développement se regarde selon l'<strong>âge corrigé</strong> : l'âge compté à partir du jour où l'enfant aurait eu 40
          SA. Les examens de santé obligatoires et les vaccins, eux, suivent l'<strong>âge réel</strong>.
        </Trans>
      </p>
    </div>
  );
}
