import { useLingui } from "@lingui/react/macro";
import type { EpdsQuestionnaire } from "../../../domain/epds/schema.js";

/** The answers, shown only on paper (print stylesheet), for the professional. */
export function PrintedAnswers({ answers, questionnaire }: { answers: number[]; questionnaire: EpdsQuestionnaire }) {
  const { t } = useLingui();
  return (
    <table className="mj-print-only">
      <caption>{t`Réponses`}</caption>
      <tbody>
        {questionnaire.items.map((item, i) => (
          <tr key={item.number}>
            <td>
              {item.number}. {item.text}
            </td>
            <td>
              {item.options[answers[i]!]!.text} ({item.options[answers[i]!]!.points})
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
