import { msg } from "@lingui/core/macro";
import { Trans, useLingui } from "@lingui/react/macro";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import type { StoredAllocation } from "../../../domain/api/steering-data.js";
import { ALLOCATION_RULES, ROUNDING_RULE } from "../../../domain/funding/allocation.js";
import { dateTime, euros, integer } from "./api.js";
import { funders, voletNames } from "./labels.js";

const roundingRule = msg`Chaque région reçoit d'abord la partie entière en euros de sa part proportionnelle ; les euros restants sont attribués un par un aux régions dont la partie décimale est la plus grande (méthode du plus fort reste), à égalité par ordre croissant de code de région.`;

/** A computed allocation: how it was computed, its notices and the credits of each region. */
export function AllocationResult({ allocation: a, heading }: { allocation: StoredAllocation; heading: "h2" | "h3" }) {
  const H = heading;
  const { t } = useLingui();
  const year = a.year;
  const volet = t(voletNames[a.volet]);
  const envelope = euros(a.envelope);
  const funder = t(funders[a.volet]);
  const at = dateTime(a.computedAt);
  const by = a.computedBy;
  const births = a.birthsYear;
  const source = a.birthsSource;
  const regions = a.regions.length;
  const fixed = euros(a.fixedPerRegion);
  const fixedTotal = euros(a.fixedTotal);
  const proportional = euros(a.proportionalTotal);
  const rounding = integer(a.roundingEuros);
  // The rule's notice (births of another year than the rule's), in the reader's language; another stored notice as written.
  const ruleBirths = ALLOCATION_RULES[a.year]?.birthsYear;
  const notices = a.notices.map((n) =>
    ruleBirths !== undefined && n.startsWith(`La règle ${a.year} se fonde`)
      ? t`La règle ${year} se fonde sur les naissances de ${ruleBirths} ; ce calcul utilise la table des naissances ${births} (${source}). Chargez la table ${ruleBirths} pour appliquer la règle à la lettre.`
      : n,
  );
  return (
    <section className="fr-mb-4w" aria-label={t`Répartition ${year}, volet ${volet}`}>
      <H>{t`Répartition ${year}, volet ${volet} : ${envelope}`}</H>
      <p>
        <Trans>
          {funder}. Calculée le {at} par {by}. <strong>Naissances utilisées : {births}</strong> ({source}). Parts fixes : {regions} × {fixed} = {fixedTotal} ;
          reste partagé au prorata des naissances : {proportional} ; euros d'arrondi : {rounding}.
        </Trans>
      </p>
      {notices.map((n, i) => (
        <Alert key={i} severity="warning" small description={n} className="fr-mb-2w" />
      ))}
      <div className="mj-table">
        <table tabIndex={0}>
          <caption>{t`Crédits par région`}</caption>
          <thead>
            <tr>
              <th scope="col">{t`Région`}</th>
              <th scope="col" className="mj-number">
                {t`Naissances ${births}`}
              </th>
              <th scope="col" className="mj-number">
                {t`Part fixe`}
              </th>
              <th scope="col" className="mj-number">
                {t`Part proportionnelle`}
              </th>
              <th scope="col" className="mj-number">
                {t`Total`}
              </th>
            </tr>
          </thead>
          <tbody>
            {a.regions.map((r) => (
              <tr key={r.regionCode}>
                <th scope="row">{r.regionName}</th>
                <td className="mj-number">{integer(r.births)}</td>
                <td className="mj-number">{euros(r.fixed)}</td>
                <td className="mj-number">
                  {euros(r.proportional)}
                  {r.roundingEuro ? ` ${t`(dont 1 € d'arrondi)`}` : ""}
                </td>
                <td className="mj-number">{euros(r.total)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t`Total`}</th>
              <td className="mj-number">{integer(a.birthsTotal)}</td>
              <td className="mj-number">{euros(a.fixedTotal)}</td>
              <td className="mj-number">{euros(a.proportionalTotal)}</td>
              <td className="mj-number">{euros(a.envelope)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      <p className="fr-text--xs">
        {a.ruleSource}. {a.roundingRule === ROUNDING_RULE ? t(roundingRule) : a.roundingRule}
      </p>
    </section>
  );
}
