import { t } from "@lingui/core/macro";
import { Link } from "react-router";
import type { Stage, StageId } from "../../domain/content/schema.js";

/** The stages of the journey as an ordered list, the current one marked for sight and for screen readers. */
export function Timeline({ stages, current, label }: { stages: readonly Stage[]; current: StageId | null; label: string }) {
  return (
    <ol className="mj-timeline" aria-label={label}>
      {stages.map((stage) => (
        <li key={stage.id} aria-current={stage.id === current ? "step" : undefined}>
          <Link to={`/parcours/${stage.id}`}>{stage.title}</Link>
          {stage.id === current && <span className="fr-ml-1w">{t`(vous êtes ici)`}</span>}
          <br />
          <span className="fr-text--xs">{stage.period}</span>
        </li>
      ))}
    </ol>
  );
}
