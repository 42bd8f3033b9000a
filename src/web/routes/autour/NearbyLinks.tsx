import { useEffect, useState } from "react";
import { Link } from "react-router";
import { i18n } from "@lingui/core";
import { Trans, useLingui } from "@lingui/react/macro";
import { isPlaceTypeId, type PlaceTypeId } from "../../../domain/geo/place-types.js";
import { planNearbySearch, type NearbyPlan } from "../../../domain/geo/place-fallbacks.js";
import { placeTypeTexts } from "./place-type-text.js";
import { fetchPlaceTypes } from "./places-api.js";

/** The plan for `types` from the counts of the index; null while they load (or when they cannot be loaded). */
export function useNearbyPlan(types: readonly string[], askIndex = true): NearbyPlan | null {
  const [counts, setCounts] = useState<Record<string, number> | null>(null);
  useEffect(() => {
    if (!askIndex) return;
    let cancelled = false;
    fetchPlaceTypes().then(
      (list) => !cancelled && setCounts(Object.fromEntries(list.map((t) => [t.id, t.count]))),
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [askIndex]);
  return counts ? planNearbySearch(types.filter(isPlaceTypeId), counts) : null;
}

const labelOf = (type: PlaceTypeId) => i18n._(placeTypeTexts[type].label);
/** « A, B et C » in the active language (`Intl.ListFormat`). */
const listOf = (types: readonly PlaceTypeId[]) =>
  new Intl.ListFormat(i18n.locales?.[0] ?? i18n.locale, { style: "long", type: "conjunction" }).format(types.map(labelOf));

/** What we do not have, said plainly, with the official directory that has it. */
export function MissingPlaceTypes({ plan }: { plan: NearbyPlan }) {
  const { t } = useLingui();
  if (plan.missing.length === 0) return null;
  const missing = listOf(plan.missing.map((m) => m.type));
  return (
    <div className="fr-mt-2w" data-testid="missing-place-types">
      <p className="fr-mb-1w">
        {plan.missing.length === 1
          ? t`Ce type de lieu n'est pas encore dans nos données : ${missing}.`
          : t`Ces types de lieux ne sont pas encore dans nos données : ${missing}.`}
      </p>
      <ul>
        {plan.missing.map((m) => {
          const label = labelOf(m.type);
          const offered = listOf(m.offered);
          const directory = m.directory && placeTypeTexts[m.type].directory ? t(placeTypeTexts[m.type].directory!) : m.directory?.label;
          const link = m.directory && (
            <a href={m.directory.url} target="_blank" rel="noopener noreferrer" title={t`${directory} (nouvelle fenêtre)`}>
              {directory}
            </a>
          );
          return (
            <li key={m.type}>
              {m.offered.length > 0 ? (
                link ? (
                  <Trans>
                    <strong>{label}</strong> : nous vous montrons à la place {offered} ; {link}.
                  </Trans>
                ) : (
                  <Trans>
                    <strong>{label}</strong> : nous vous montrons à la place {offered}.
                  </Trans>
                )
              ) : link ? (
                <Trans>
                  <strong>{label}</strong> : {link}.
                </Trans>
              ) : (
                <Trans>
                  <strong>{label}</strong> : demandez à votre sage-femme, à votre médecin ou à la PMI.
                </Trans>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/**
 * « Trouver près de chez moi » for the place types an event or an orientation names: a link to the map
 * with only the types the index has places of (or their alternatives), and for the others the official
 * directory. Before the counts are known (or offline), the link carries every type: the map page makes
 * the same split when it opens. `askIndex={false}` on pages that must make no request at all (the EPDS
 * result: asking anything there would tell the server that someone just reached a result); the map page
 * then makes the split.
 */
export function NearbyLinks({ types, askIndex = true }: { types: readonly string[]; askIndex?: boolean }) {
  const { t } = useLingui();
  const plan = useNearbyPlan(types, askIndex);
  const search = plan ? plan.search : types;
  return (
    <div className="fr-mt-3w">
      {search.length > 0 && (
        <p className="fr-mb-1w">
          <Link className="fr-link fr-icon-map-pin-2-line fr-link--icon-left" to={`/autour-de-moi?types=${search.join(",")}`}>
            {t`Trouver près de chez moi`}
            {plan && <span className="fr-sr-only"> : {listOf(plan.search)}</span>}
          </Link>
        </p>
      )}
      {plan && <MissingPlaceTypes plan={plan} />}
    </div>
  );
}
