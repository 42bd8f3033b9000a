import { Suspense, useCallback, useEffect, useMemo, useState, type FormEvent } from "react";
import { msg, plural } from "@lingui/core/macro";
import { i18n } from "@lingui/core";
import { Trans, useLingui } from "@lingui/react/macro";
import { lazyWithMessages } from "../../i18n/lazy.js";
import { Link, useNavigate, useSearchParams } from "react-router";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { communeLabel, resolveCommuneQuery, searchCommuneIndex, type CommuneIndex, type CommuneMatch } from "../../../domain/geo/commune-search.js";
import { Page } from "../../components/Page.js";
import { WhenSeen } from "../../components/WhenSeen.js";
import { ChoiceList } from "./ChoiceList.js";
import { placeAddress } from "./address.js";
import { formatDistance, formatKilometres } from "./distance.js";
import { placeTypeLabel } from "./place-type-text.js";
import { MissingPlaceTypes, useNearbyPlan } from "./NearbyLinks.js";
import {
  fetchConfig,
  fetchNearby,
  fetchPlaceTypes,
  geocodeAddress,
  loadCommuneIndex,
  type NearbyFeature,
  type PlaceTypeInfo,
  type ServicesConfig,
} from "./places-api.js";

const PlaceMap = lazyWithMessages(() => import("./PlaceMap.js"));
/** The map's room (its size: .mj-place-map) until it is there. */
const mapRoom = <div className="mj-place-map" aria-hidden="true" />;
const RADII = [5, 10, 20, 50, 100];

interface Spot {
  lat: number;
  lon: number;
  label: string;
}

interface Suggestion extends Spot {
  detail?: string | undefined;
}

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

function spotOf(c: CommuneMatch): Spot {
  const label = communeLabel(c);
  const name = c.name;
  return {
    lat: c.lat,
    lon: c.lon,
    label: c.arrondissement ? i18n._(msg`${label} (depuis le centre de ${name} : les arrondissements ne sont pas distingués)`) : label,
  };
}

/** A suggestion: the commune with its département, and its postal codes to help choose. */
function suggestionOf(c: CommuneMatch): Suggestion {
  const codes = c.postcodes.length > 3 ? `${c.postcodes.slice(0, 3).join(", ")}…` : c.postcodes.join(", ");
  return { ...spotOf(c), detail: codes || undefined };
}

function WhereForm({ onChoose, onFail, geocoderUrl }: { onChoose(spot: Spot): void; onFail(): void; geocoderUrl: string | null }) {
  const { t } = useLingui();
  const [text, setText] = useState("");
  const [index, setIndex] = useState<CommuneIndex | null>(null);
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [ask, setAsk] = useState<string | null>(null);

  // The commune list (670 KB gzip, its index built on the main thread) is fetched when the field is first used, not
  // with the page (issue 19); a search sent before it has arrived waits for it (submit).
  const [wanted, setWanted] = useState(false);
  useEffect(() => {
    if (!wanted) return;
    loadCommuneIndex().then(setIndex, () => setMessage(t`La liste des communes n'a pas pu être chargée.`));
    // Loaded once; the message is read in the language of the moment.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [wanted]);

  useEffect(() => {
    if (!index) return;
    setAsk(null);
    setSuggestions(searchCommuneIndex(index, text, 8).map(suggestionOf));
  }, [index, text]);

  function fail(reason: string) {
    setMessage(reason);
    onFail();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setMessage(null);
    setAsk(null);
    const query = text.trim();
    // Before the commune list has arrived (slow connection), wait for it rather than failing the search.
    const communes = index ?? (await loadCommuneIndex().catch(() => null));
    if (communes) setIndex(communes);
    if (communes) {
      const found = resolveCommuneQuery(communes, text, 8);
      if (found.kind === "one") return onChoose(spotOf(found.commune));
      if (found.kind === "choose") {
        setSuggestions(found.communes.map(suggestionOf));
        setAsk(t`Plusieurs communes correspondent à « ${query} » : choisissez la vôtre ci-dessous.`);
        onFail();
        return;
      }
    }
    if (geocoderUrl && query.length > 3) {
      try {
        const found = await geocodeAddress(geocoderUrl, query);
        if (found.length === 1) return onChoose(found[0]!);
        if (found.length) {
          setSuggestions(found);
          setAsk(t`Plusieurs adresses correspondent à « ${query} » : choisissez la vôtre ci-dessous.`);
          onFail();
          return;
        }
      } catch {
        return fail(t`La recherche d'adresse n'est pas disponible (hors ligne ?). Essayez avec une commune ou un code postal.`);
      }
    }
    if (!communes) return fail(t`La liste des communes n'a pas pu être chargée (hors ligne ?) : réessayez dans un instant, ou utilisez « Me localiser ».`);
    fail(
      query.length < 2
        ? t`Indiquez au moins deux lettres du nom de la commune, ou son code postal.`
        : t`Aucune commune ne correspond à « ${query} ». Vérifiez l'orthographe ou indiquez le code postal (par exemple 69003 pour Lyon 3e).`,
    );
  }

  function locate() {
    setMessage(null);
    if (!("geolocation" in navigator)) return fail(t`Votre navigateur ne permet pas la localisation.`);
    navigator.geolocation.getCurrentPosition(
      (position) => onChoose({ lat: position.coords.latitude, lon: position.coords.longitude, label: t`votre position` }),
      () => fail(t`Votre position n'a pas pu être obtenue (autorisation refusée ?). Indiquez plutôt une commune.`),
      { timeout: 10_000, maximumAge: 300_000 },
    );
  }

  return (
    <form onSubmit={submit} role="search" aria-label={t`Chercher des lieux`}>
      <Input
        label={geocoderUrl ? t`Commune, code postal ou adresse` : t`Commune ou code postal`}
        hintText={t`Par exemple : 69003, Lyon, Saint-Denis`}
        state={message ? "error" : "default"}
        stateRelatedMessage={message ?? undefined}
        nativeInputProps={{
          name: "lieu",
          value: text,
          autoComplete: "off",
          onFocus: () => setWanted(true),
          onChange: (e) => {
            setWanted(true);
            setText(e.target.value);
          },
        }}
      />
      {ask && (
        <p className="fr-mt-1w fr-mb-1w" role="status">
          {ask}
        </p>
      )}
      {suggestions.length > 0 && (
        <ChoiceList
          label={ask ? t`Communes possibles` : t`Suggestions`}
          choices={suggestions.map((s) => ({
            key: `${s.label}-${s.lat}`,
            label: s.label,
            detail: s.detail,
            choose: () => onChoose({ lat: s.lat, lon: s.lon, label: s.label }),
          }))}
        />
      )}
      <div className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--icon-left">
        <Button type="submit" iconId="fr-icon-search-line">
          {t`Chercher`}
        </Button>
        <Button type="button" priority="secondary" iconId="fr-icon-map-pin-2-line" onClick={locate}>
          {t`Me localiser`}
        </Button>
      </div>
    </form>
  );
}

function ResultList({ results, radius, onWiden }: { results: NearbyFeature[]; radius: number; onWiden: (() => void) | null }) {
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
