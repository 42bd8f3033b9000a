import { plural } from "@lingui/core/macro";
import { Trans, useLingui } from "@lingui/react/macro";
import { Link } from "react-router";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { placeAddress } from "./address.js";
import { formatDistance, formatKilometres } from "./distance.js";
import { placeTypeLabel } from "./place-type-text.js";
import { type NearbyFeature } from "./places-api.js";

/** The places found, nearest first, with their distance, contacts and a route link. */
export function ResultList({ results, radius, onWiden }: { results: NearbyFeature[]; radius: number; onWiden: (() => void) | null }) {
  const { t } = useLingui();
  const within = formatKilometres(radius);
  return (
    <>
      <h2 className="fr-h5">{t`Résultats`}</h2>
      <p role="status" aria-live="polite">
        {results.length === 0
          ? t`Aucun lieu à moins de ${within}.`
          : plural(results.length, {
              one: `# lieu à moins de ${within}, du plus proche au plus loin.`,
              other: `# lieux à moins de ${within}, du plus proche au plus loin.`,
            })}
      </p>
      {onWiden && (
        <Button size="small" priority="secondary" onClick={onWiden} className="fr-mb-2w">
          {t`Élargir la recherche`}
        </Button>
      )}
      <ol className="mj-track-list">
        {results.map((place) => {
          const p = place.properties;
          const [lon, lat] = place.geometry.coordinates;
          const name = p.name;
          const phone = p.phone;
          return (
            <li key={place.id} className="fr-p-2w fr-mb-2w mj-child-box">
              <h3 className="fr-h6 fr-mb-1w" id={`lieu-${place.id}`} tabIndex={-1}>
                <Link to={`/autour-de-moi/lieu/${encodeURIComponent(place.id)}`}>{name}</Link>
              </h3>
              <p className="fr-text--sm fr-mb-1w">
                {placeTypeLabel(p.type, p.type_label)} · <span className="mj-distance">{formatDistance(p.distance_m)}</span>
                {p.approximate && ` ${t`(position approximative : centre de la commune)`}`}
              </p>
              {(p.address || p.commune_name) && (
                <p className="fr-text--sm fr-mb-1w" lang="fr">
                  {placeAddress(p)}
                </p>
              )}
              <p className="fr-text--sm fr-mb-0">
                {phone && (
                  <a href={`tel:${phone.replace(/[^\d+]/g, "")}`} className="fr-mr-2w">
                    <Trans>
                      Appeler le <span dir="ltr">{phone}</span>
                    </Trans>
                  </a>
                )}
                <a href={`geo:${lat},${lon}`}>
                  <Trans>
                    Itinéraire<span className="fr-sr-only"> vers {name}</span>
                  </Trans>
                </a>
              </p>
            </li>
          );
        })}
      </ol>
    </>
  );
}
