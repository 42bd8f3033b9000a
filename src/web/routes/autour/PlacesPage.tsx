import { Suspense, useCallback, useEffect, useMemo, useState } from "react";
import { i18n } from "@lingui/core";
import { Trans, useLingui } from "@lingui/react/macro";
import { lazyWithMessages } from "../../i18n/lazy.js";
import { Link, useNavigate, useSearchParams } from "react-router";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { Page } from "../../components/Page.js";
import { WhenSeen } from "../../components/WhenSeen.js";
import { formatKilometres } from "./distance.js";
import { placeTypeLabel } from "./place-type-text.js";
import { MissingPlaceTypes, useNearbyPlan } from "./NearbyLinks.js";
import { fetchConfig, fetchNearby, fetchPlaceTypes, type NearbyFeature, type PlaceTypeInfo, type ServicesConfig } from "./places-api.js";
import { ResultList } from "./ResultList.js";
import { WhereForm, type Spot } from "./WhereForm.js";

const PlaceMap = lazyWithMessages(() => import("./PlaceMap.js"));
/** The map's room (its size: .mj-place-map) until it is there. */
const mapRoom = <div className="mj-place-map" aria-hidden="true" />;
const RADII = [5, 10, 20, 50, 100];

/**
 * Autour de moi. Query string contract (used by the calendar and the EPDS orientation):
 * `types` = place type ids separated by commas; optional `lat`, `lon` (WGS84), `lieu` (label) and `rayon` (km).
 */
export function PlacesPage() {
  const { t } = useLingui();
  const [params, setParams] = useSearchParams();
  const types = useMemo(() => (params.get("types") ?? "").split(",").filter(Boolean), [params]);
  const radius = RADII.includes(Number(params.get("rayon"))) ? Number(params.get("rayon")) : 10;
  const lat = Number(params.get("lat"));
  const lon = Number(params.get("lon"));
  const lieu = params.get("lieu") ?? t`votre position`;
  const valid = params.has("lat") && Number.isFinite(lat) && Number.isFinite(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180;
  // One object per position, so that the map does not re-fit itself on every render.
  const spot: Spot | null = useMemo(() => (valid ? { lat, lon, label: lieu } : null), [valid, lat, lon, lieu]);

  const [placeTypes, setPlaceTypes] = useState<PlaceTypeInfo[]>([]);
  const [config, setConfig] = useState<ServicesConfig | null>(null);
  const [results, setResults] = useState<NearbyFeature[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    fetchPlaceTypes().then(setPlaceTypes, () => setError(t`La liste des types de lieux n'a pas pu être chargée (hors ligne ?).`));
    fetchConfig().then(setConfig, () => setConfig({ mapTilesUrl: null, mapTilesAttribution: null, geocoderUrl: null }));
    // Asked once per visit (a change of language loads the page anew).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Only the requested types the index has places of (or their alternatives) are searched; an empty search
  // would read as « no town hall near you » when we simply have no data on town halls.
  const plan = useNearbyPlan(types);
  const searchTypes = plan ? plan.search.join(",") : null;
  const nothingToSearch = types.length > 0 && plan !== null && plan.search.length === 0;
  /** The types ticked: those searched (a type without data is not a choice; it is explained beside the results). */
  const shown: string[] = plan ? plan.search : types;

  useEffect(() => {
    if (!spot || searchTypes === null || nothingToSearch) return;
    let cancelled = false;
    setError(null);
    fetchNearby(spot.lat, spot.lon, searchTypes ? searchTypes.split(",") : [], radius).then(
      (data) => !cancelled && setResults(data.features),
      () =>
        !cancelled &&
        setError(
          navigator.onLine
            ? t`La recherche de lieux n'a pas abouti : réessayez dans un instant.`
            : t`Vous êtes hors ligne : la recherche de lieux a besoin du réseau. Les résultats déjà affichés restent consultables.`,
        ),
    );
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [spot?.lat, spot?.lon, searchTypes, nothingToSearch, radius]);

  const update = useCallback(
    (change: Record<string, string | null>) => {
      const next = new URLSearchParams(params);
      for (const [key, value] of Object.entries(change)) {
        if (value === null) next.delete(key);
        else next.set(key, value);
      }
      setParams(next, { replace: true });
    },
    [params, setParams],
  );
  const choose = (s: Spot) => update({ lat: s.lat.toFixed(5), lon: s.lon.toFixed(5), lieu: s.label });
  const clearSpot = () => {
    setResults(null);
    setError(null);
    update({ lat: null, lon: null, lieu: null });
  };
  const navigate = useNavigate();
  const around = spot?.label;
  const openPlace = useCallback((id: string) => void navigate(`/autour-de-moi/lieu/${encodeURIComponent(id)}`), [navigate]);
  const attribution = config?.mapTilesAttribution;

  return (
    <Page title={t`Autour de moi`}>
      <p>
        <Trans>
          Maternités, PMI, sages-femmes, centres de santé, lieux d'écoute… près de chez vous, d'après les données publiques officielles (FINESS, Annuaire
          santé).
        </Trans>{" "}
        <Link to="/autour-de-moi/sources">{t`Sources et limites des données`}</Link>
      </p>
      <WhereForm onChoose={choose} onFail={clearSpot} geocoderUrl={config?.geocoderUrl ?? null} />
      {!spot && <p className="fr-mt-2w">{t`Indiquez une commune, un code postal ou une adresse, ou utilisez « Me localiser ».`}</p>}
      {spot && (
        <p className="fr-mt-2w" role="status">
          <Trans>
            Autour de : <strong>{around}</strong>
          </Trans>
        </p>
      )}

      <div className="fr-grid-row fr-grid-row--gutters fr-mt-2w">
        {/* The types list comes from the server after the first paint: last in its column, and nothing of the page
            below it on a phone before a search, so that its arrival moves nothing on screen (layout shift). */}
        <div className="fr-col-12 fr-col-md-4">
          <Select label={t`Distance`} nativeSelectProps={{ value: String(radius), onChange: (e) => update({ rayon: e.target.value }) }}>
            {RADII.map((r) => (
              <option key={r} value={r}>
                {formatKilometres(r)}
              </option>
            ))}
          </Select>
          <Checkbox
            small
            legend={t`Types de lieux`}
            options={placeTypes
              .filter((type) => type.count > 0)
              .map((type) => ({
                label: `${placeTypeLabel(type.id, type.label)} (${i18n.number(type.count)})`,
                nativeInputProps: {
                  name: `type-${type.id}`,
                  checked: shown.includes(type.id),
                  onChange: (e) => update({ types: (e.target.checked ? [...shown, type.id] : shown.filter((x) => x !== type.id)).join(",") || null }),
                },
              }))}
          />
        </div>
        <div className="fr-col-12 fr-col-md-8">
          {error && <Alert severity="warning" small description={error} className="fr-mb-2w" />}
          {plan && <MissingPlaceTypes plan={plan} />}
          {spot && results && !nothingToSearch && (
            <ResultList results={results} radius={radius} onWiden={radius < 100 ? () => update({ rayon: String(RADII.find((r) => r > radius)) }) : null} />
          )}
        </div>
      </div>
      {spot && results && results.length > 0 && !nothingToSearch && (
        <div className="fr-mt-3w">
          {/* Below the list: Leaflet, the map's code and its background data are fetched when it comes near the
              screen, in the room kept for it meanwhile (issue 19). */}
          <WhenSeen placeholder={mapRoom}>
            <Suspense fallback={mapRoom}>
              <PlaceMap center={spot} places={results} tilesUrl={config?.mapTilesUrl ?? null} onOpen={openPlace} />
            </Suspense>
          </WhenSeen>
          <p className="fr-text--xs fr-mt-1w">
            {config?.mapTilesUrl
              ? config.mapTilesAttribution
                ? t`Fond de carte : ${attribution}`
                : null
              : t`Fond de carte : limites des départements (IGN, ADMIN EXPRESS) et communes (INSEE, découpage administratif), Licence Ouverte.`}
          </p>
        </div>
      )}
    </Page>
  );
}
