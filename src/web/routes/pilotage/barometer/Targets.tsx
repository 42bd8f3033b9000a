import type { NationalTarget } from "../../../../domain/steering/barometer.js";

/** The national targets of the indicator shown, with their source. */
export function Targets({ targets }: { targets: NationalTarget[] }) {
  return (
    <p className="fr-text--sm">
      Objectifs nationaux : {targets.map((t) => `${t.percent} % en ${t.year}`).join(", ")} ({targets[0]?.source}). Aucun objectif n'est fixé pour les années
      intermédiaires ; des objectifs départementaux peuvent être chargés.
    </p>
  );
}
