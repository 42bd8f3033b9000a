import { msg } from "@lingui/core/macro";
import type { MessageDescriptor } from "@lingui/core";
import type { EpdsAudience, EpdsBandId } from "../../../domain/epds/score.js";

/** The band's label in the interface's language; the French is the domain's `EPDS_BANDS[].label` (same words). */
export const bandLabels: Record<EpdsBandId, MessageDescriptor> = {
  faible: msg`Score en dessous du seuil de dépistage`,
  "a-surveiller": msg`Score au-dessus du seuil de dépistage : à évaluer avec un professionnel`,
  eleve: msg`Score élevé : à évaluer rapidement avec un professionnel`,
};

/** The result in plain words: never a diagnosis. */
export const bandWords: Record<EpdsBandId, MessageDescriptor> = {
  faible: msg`Vos réponses ne montrent pas de signe marqué de dépression. Si vous ne vous sentez pas bien pour autant, parlez-en : votre ressenti compte plus qu'un score.`,
  "a-surveiller": msg`Vos réponses montrent que vous traversez peut-être une période difficile. Ce n'est pas un diagnostic : parlez-en à une sage-femme ou à un médecin dans les prochains jours.`,
  eleve: msg`Vos réponses montrent une souffrance importante. Ce n'est pas un diagnostic, mais il est important d'en parler vite à un professionnel : on peut vous aider, et cela se soigne.`,
};

/** Who answered, as the history says it. */
export const respondents: Record<EpdsAudience, MessageDescriptor> = { mere: msg`La mère`, "second-parent": msg`Le second parent` };
