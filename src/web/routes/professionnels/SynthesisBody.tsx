import { useLingui } from "@lingui/react/macro";
import { themeTitle, type Synthesis } from "../../../domain/handover/synthesis.js";
import { formatDate } from "../../i18n/format.js";
import { themeText } from "./interview-texts.js";

/** The synthesis as the parent reads it (receive page and printed sheet). */
export function SynthesisBody({ synthesis, headingLevel = "h3" }: { synthesis: Synthesis; headingLevel?: "h3" | "h4" }) {
  const { t } = useLingui();
  const H = headingLevel;
  return (
    <>
      {synthesis.priorities && (
        <>
          <H className="fr-h6 fr-mb-1w">{t`Ce qui compte pour vous`}</H>
          <p className="mj-pre-line">{synthesis.priorities}</p>
        </>
      )}
      {synthesis.needs && (
        <>
          <H className="fr-h6 fr-mb-1w">{t`Vos besoins, ce qui aiderait`}</H>
          <p className="mj-pre-line">{synthesis.needs}</p>
        </>
      )}
      {synthesis.contacts.length > 0 && (
        <>
          <H className="fr-h6 fr-mb-1w">{t`À contacter`}</H>
          <ul>
            {synthesis.contacts.map((c, i) => (
              <li key={i}>
                <strong>{c.who}</strong>
                {c.how && <> : {c.how}</>}
              </li>
            ))}
          </ul>
        </>
      )}
      {synthesis.appointments.length > 0 && (
        <>
          <H className="fr-h6 fr-mb-1w">{t`Vos prochains rendez-vous`}</H>
          <ul>
            {synthesis.appointments.map((a, i) => (
              <li key={i}>
                <strong>{formatDate(a.date)}</strong> : {a.what}
              </li>
            ))}
          </ul>
        </>
      )}
      {synthesis.themes.length > 0 && (
        <>
          <H className="fr-h6 fr-mb-1w">{t`Thèmes abordés`}</H>
          <p>{synthesis.themes.map((id) => themeText(synthesis.interview, id, themeTitle(synthesis.interview, id))).join(" · ")}</p>
        </>
      )}
    </>
  );
}
