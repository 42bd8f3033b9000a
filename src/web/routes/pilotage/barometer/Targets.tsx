import { useLingui } from "@lingui/react/macro";
import type { NationalTarget } from "../../../../domain/steering/barometer.js";
import { targetPercent } from "../api.js";

/** The national targets of the indicator shown, with their source (the official text, cited in French). */
export function Targets({ targets }: { targets: NationalTarget[] }) {
  const { t } = useLingui();
  const list = targets
    .map((target) => {
      const value = targetPercent(target.percent);
      const year = target.year;
      return t`${value} en ${year}`;
    })
    .join(", ");
  const source = targets[0]?.source ?? "";
  return (
    <p className="fr-text--sm">
      {t`Objectifs nationaux : ${list} (${source}). Aucun objectif n'est fixé pour les années intermédiaires ; des objectifs départementaux peuvent être chargés.`}
    </p>
  );
}
