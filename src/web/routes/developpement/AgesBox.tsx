import type { IsoDate } from "../../../domain/dates.js";
import { formatFrenchDate } from "../../../domain/dates.js";
import { childAges, formatAge, type ChildBirth } from "../../../domain/development/age.js";
import { formatGestationalAge } from "../../../domain/journey/pregnancy.js";

/**
 * Real and corrected age side by side, with the explanation, for a child born before 37 SA and under
 * 2 years. Nothing for a child born at term (its real age is already shown where it matters).
 */
export function AgesBox({ child, today, name }: { child: ChildBirth; today: IsoDate; name: string }) {
  const ages = childAges(child, today);
  if (!ages.corrected || !ages.gestationalAgeAtBirth) return null;
  return (
    <div className="mj-ages fr-p-2w fr-mb-2w">
      <dl className="mj-ages-list">
        <div>
          <dt>Âge réel</dt>
          <dd>{formatAge(ages.real)}</dd>
        </div>
        <div>
          <dt>Âge corrigé</dt>
          <dd>{ages.corrected.totalDays < 0 ? "pas encore atteint son terme" : formatAge(ages.corrected)}</dd>
        </div>
      </dl>
      <p className="fr-text--sm fr-mb-0">
        {name ? `${name} : naissance` : "Naissance"} à {formatGestationalAge(ages.gestationalAgeAtBirth)}, {ages.correctionWeeks} semaine{ages.correctionWeeks > 1 ? "s" : ""} avant 40 SA. Jusqu'à
        2 ans (le {formatFrenchDate(ages.correctionEnds!)}), le développement se regarde selon l'<strong>âge corrigé</strong> : l'âge compté à partir du jour où
        l'enfant aurait eu 40 SA. Les examens de santé obligatoires et les vaccins, eux, suivent l'<strong>âge réel</strong>.
      </p>
    </div>
  );
}
