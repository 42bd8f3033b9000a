import { useLingui } from "@lingui/react/macro";
import type { Synthesis } from "../../../domain/handover/synthesis.js";
import { formatDate } from "../../i18n/format.js";
import { interviewTitles } from "./interview-texts.js";
import { SynthesisBody } from "./SynthesisBody.js";

/** A received EPP or EPNP synthesis, before the parent saves it. */
export function SynthesisPreview({ synthesis }: { synthesis: Synthesis }) {
  const { t } = useLingui();
  const interview = t(interviewTitles[synthesis.interview]);
  const day = formatDate(synthesis.date);
  return (
    <section aria-labelledby="a-enregistrer" className="fr-mb-3w">
      <h2 id="a-enregistrer" className="fr-h4">
        {t`${interview} du ${day}`}
      </h2>
      <SynthesisBody synthesis={synthesis} />
    </section>
  );
}
