import { useLingui } from "@lingui/react/macro";
import { stageLabels } from "../i18n/content-labels.js";
import { Link } from "react-router";
import type { Stage, StageId } from "../../domain/content/schema.js";

/** The stages of the journey as an ordered list, the current one marked for sight and for screen readers. */
export function Timeline({ stages, current, label }: { stages: readonly Stage[]; current: StageId | null; label: string }) {
  const { t } = useLingui();
  return (
    <ol className="mj-timeline" aria-label={label}>
      {stages.map((stage) => (
        <li key={stage.id} aria-current={stage.id === current ? "step" : undefined}>
          <Link to={`/parcours/${stage.id}`}>{t(stageLabels[stage.id].title)}</Link>
          {stage.id === current && <span className="fr-ml-1w">{t`(vous êtes ici)`}</span>}
          <br />
          <span className="fr-text--xs">{t(stageLabels[stage.id].period)}</span>
        </li>
      ))}
    </ol>
  );
}
