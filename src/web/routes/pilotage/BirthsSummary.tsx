import { useLingui } from "@lingui/react/macro";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import type { BirthsOverview } from "../../../domain/api/steering-data.js";

/** Which births table the calculator uses by default, whether it is the one the rule names, and the tables loaded. */
export function BirthsSummary({ info }: { info: BirthsOverview }) {
  const { t } = useLingui();
  const rule = info.rules.at(-1)!;
  const used = info.tables.find((table) => table.year === info.defaultYear)!;
  const usedYear = used.year;
  const usedSource = used.source;
  const ruleYear = rule.year;
  const ruleBirths = rule.birthsYear;
  const tables = info.tables.map((table) => (table.shipped ? t`${table.year} (livrée)` : String(table.year))).join(", ");
  return (
    <Alert
      severity={used.year === rule.birthsYear ? "info" : "warning"}
      small
      className="fr-mb-3w"
      description={[
        t`Table des naissances utilisée par défaut : ${usedYear} (${usedSource}).`,
        ...(usedYear !== ruleBirths
          ? [
              t`La règle ${ruleYear} se fonde sur les naissances ${ruleBirths} : tant que cette table n'est pas chargée, le calcul utilise ${usedYear} et le signale.`,
            ]
          : []),
        t`Tables disponibles : ${tables}.`,
      ].join(" ")}
    />
  );
}
