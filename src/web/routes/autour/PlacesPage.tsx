import { Suspense, useCallback, useEffect, useMemo, useState, type FormEvent } from "react";
import { lazyWithMessages } from "../../i18n/lazy.js";
import { Link, useNavigate, useSearchParams } from "react-router";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { communeLabel, resolveCommuneQuery, searchCommuneIndex, type CommuneIndex, type CommuneMatch } from "../../../domain/geo/commune-search.js";
import { Page } from "../../components/Page.js";
import { ChoiceList } from "./ChoiceList.js";
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
  const [params, setParams] = useSearchParams();
  const types = useMemo(() => (params.get("types") ?? "").split(",").filter(Boolean), [params]);
  const radius = RADII.includes(Number(params.get("rayon"))) ? Number(params.get("rayon")) : 10;
  const lat = Number(params.get("lat"));
  const lon = Number(params.get("lon"));
  const lieu = params.get("lieu") ?? "votre position";
  const valid = params.has("lat") && Number.isFinite(lat) && Number.isFinite(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180;
  // One object per position, so that the map does not re-fit itself on every render.
  const spot: Spot | null = useMemo(() => (valid ? { lat, lon, label: lieu } : null), [valid, lat, lon, lieu]);

  const [placeTypes, setPlaceTypes] = useState<PlaceTypeInfo[]>([]);
  const [config, setConfig] = useState<ServicesConfig | null>(null);
  const [results, setResults] = useState<NearbyFeature[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    fetchPlaceTypes().then(setPlaceTypes, () => setError("La liste des types de lieux n'a pas pu être chargée (hors ligne ?)."));
    fetchConfig().then(setConfig, () => setConfig({ mapTilesUrl: null, mapTilesAttribution: null, geocoderUrl: null }));
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
      (e: Error) =>
        !cancelled &&
        setError(
          navigator.onLine ? e.message : "Vous êtes hors ligne : la recherche de lieux a besoin du réseau. Les résultats déjà affichés restent consultables.",
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
  const openPlace = useCallback((id: string) => void navigate(`/autour-de-moi/lieu/${encodeURIComponent(id)}`), [navigate]);

  return (
    <Page title="Autour de moi">
      <p>
        Maternités, PMI, sages-femmes, centres de santé, lieux d'écoute… près de chez vous, d'après les données publiques officielles (FINESS, Annuaire santé).{" "}
        <Link to="/autour-de-moi/sources">Sources et limites des données</Link>
      </p>
      <WhereForm onChoose={choose} onFail={clearSpot} geocoderUrl={config?.geocoderUrl ?? null} />
      {!spot && <p className="fr-mt-2w">Indiquez une commune, un code postal ou une adresse, ou utilisez « Me localiser ».</p>}
      {spot && (
        <p className="fr-mt-2w" role="status">
          Autour de : <strong>{spot.label}</strong>
        </p>
      )}

      <div className="fr-grid-row fr-grid-row--gutters fr-mt-2w">
        {/* The types list comes from the server after the first paint: last in its column, and nothing of the page
            below it on a phone before a search, so that its arrival moves nothing on screen (layout shift). */}
        <div className="fr-col-12 fr-col-md-4">
          <Select label="Distance" nativeSelectProps={{ value: String(radius), onChange: (e) => update({ rayon: e.target.value }) }}>
            {RADII.map((r) => (
              <option key={r} value={r}>
                {r} km
              </option>
            ))}
          </Select>
          <Checkbox
            small
            legend="Types de lieux"
            options={placeTypes
              .filter((t) => t.count > 0)
              .map((t) => ({
                label: `${t.label} (${t.count})`,
                nativeInputProps: {
                  name: `type-${t.id}`,
                  checked: shown.includes(t.id),
                  onChange: (e) => update({ types: (e.target.checked ? [...shown, t.id] : shown.filter((x) => x !== t.id)).join(",") || null }),
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
        <Suspense fallback={null}>
          <div className="fr-mt-3w">
            <PlaceMap
              center={spot}
              places={results}
              tilesUrl={config?.mapTilesUrl ?? null}
              attribution={config?.mapTilesAttribution ?? null}
              onOpen={openPlace}
            />
          </div>
        </Suspense>
      )}
    </Page>
  );
}

function spotOf(c: CommuneMatch): Spot {
  const label = communeLabel(c);
  return { lat: c.lat, lon: c.lon, label: c.arrondissement ? `${label} (depuis le centre de ${c.name} : les arrondissements ne sont pas distingués)` : label };
}

/** A suggestion: the commune with its département, and its postal codes to help choose. */
function suggestionOf(c: CommuneMatch): Suggestion {
  const codes = c.postcodes.length > 3 ? `${c.postcodes.slice(0, 3).join(", ")}…` : c.postcodes.join(", ");
  return { ...spotOf(c), detail: codes || undefined };
}

function WhereForm({ onChoose, onFail, geocoderUrl }: { onChoose(spot: Spot): void; onFail(): void; geocoderUrl: string | null }) {
  const [text, setText] = useState("");
  const [index, setIndex] = useState<CommuneIndex | null>(null);
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [ask, setAsk] = useState<string | null>(null);

  useEffect(() => {
    loadCommuneIndex().then(setIndex, () => setMessage("La liste des communes n'a pas pu être chargée."));
  }, []);

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
    // Before the commune list has arrived (slow connection), wait for it rather than failing the search.
    const communes = index ?? (await loadCommuneIndex().catch(() => null));
    if (communes) setIndex(communes);
    if (communes) {
      const found = resolveCommuneQuery(communes, text, 8);
      if (found.kind === "one") return onChoose(spotOf(found.commune));
      if (found.kind === "choose") {
        setSuggestions(found.communes.map(suggestionOf));
        setAsk(`Plusieurs communes correspondent à « ${text.trim()} » : choisissez la vôtre ci-dessous.`);
        onFail();
        return;
      }
    }
    if (geocoderUrl && text.trim().length > 3) {
      try {
        const found = await geocodeAddress(geocoderUrl, text.trim());
        if (found.length === 1) return onChoose(found[0]!);
        if (found.length) {
          setSuggestions(found);
          setAsk(`Plusieurs adresses correspondent à « ${text.trim()} » : choisissez la vôtre ci-dessous.`);
          onFail();
          return;
        }
      } catch {
        return fail("La recherche d'adresse n'est pas disponible (hors ligne ?). Essayez avec une commune ou un code postal.");
      }
    }
    if (!communes) return fail("La liste des communes n'a pas pu être chargée (hors ligne ?) : réessayez dans un instant, ou utilisez « Me localiser ».");
    fail(
      text.trim().length < 2
        ? "Indiquez au moins deux lettres du nom de la commune, ou son code postal."
        : `Aucune commune ne correspond à « ${text.trim()} ». Vérifiez l'orthographe ou indiquez le code postal (par exemple 69003 pour Lyon 3e).`,
    );
  }

  function locate() {
    setMessage(null);
    if (!("geolocation" in navigator)) return fail("Votre navigateur ne permet pas la localisation.");
    navigator.geolocation.getCurrentPosition(
      (position) => onChoose({ lat: position.coords.latitude, lon: position.coords.longitude, label: "votre position" }),
      () => fail("Votre position n'a pas pu être obtenue (autorisation refusée ?). Indiquez plutôt une commune."),
      { timeout: 10_000, maximumAge: 300_000 },
    );
  }

  return (
    <form onSubmit={submit} role="search" aria-label="Chercher des lieux">
      <Input
        label={geocoderUrl ? "Commune, code postal ou adresse" : "Commune ou code postal"}
        hintText="Par exemple : 69003, Lyon, Saint-Denis"
        state={message ? "error" : "default"}
        stateRelatedMessage={message ?? undefined}
        nativeInputProps={{ name: "lieu", value: text, autoComplete: "off", onChange: (e) => setText(e.target.value) }}
      />
      {ask && (
        <p className="fr-mt-1w fr-mb-1w" role="status">
          {ask}
        </p>
      )}
      {suggestions.length > 0 && (
        <ChoiceList
          label={ask ? "Communes possibles" : "Suggestions"}
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
          Chercher
        </Button>
        <Button type="button" priority="secondary" iconId="fr-icon-map-pin-2-line" onClick={locate}>
          Me localiser
        </Button>
      </div>
    </form>
  );
}

function formatDistance(m: number | undefined): string {
  if (m === undefined) return "";
  return m < 1000 ? `${Math.round(m / 10) * 10} m` : `${(m / 1000).toFixed(m < 10_000 ? 1 : 0).replace(".", ",")} km`;
}

function ResultList({ results, radius, onWiden }: { results: NearbyFeature[]; radius: number; onWiden: (() => void) | null }) {
  return (
    <>
      <h2 className="fr-h5">Résultats</h2>
      <p role="status" aria-live="polite">
        {results.length === 0
          ? `Aucun lieu à moins de ${radius} km.`
          : `${results.length} lieu${results.length > 1 ? "x" : ""} à moins de ${radius} km, du plus proche au plus loin.`}
      </p>
      {onWiden && (
        <Button size="small" priority="secondary" onClick={onWiden} className="fr-mb-2w">
          Élargir la recherche
        </Button>
      )}
      <ol className="mj-track-list">
        {results.map((place) => {
          const p = place.properties;
          const [lon, lat] = place.geometry.coordinates;
          return (
            <li key={place.id} className="fr-p-2w fr-mb-2w mj-child-box">
              <h3 className="fr-h6 fr-mb-1w" id={`lieu-${place.id}`} tabIndex={-1}>
                <Link to={`/autour-de-moi/lieu/${encodeURIComponent(place.id)}`}>{p.name}</Link>
              </h3>
              <p className="fr-text--sm fr-mb-1w">
                {p.type_label} · {formatDistance(p.distance_m)}
                {p.approximate && " (position approximative : centre de la commune)"}
              </p>
              {(p.address || p.commune_name) && (
                <p className="fr-text--sm fr-mb-1w">{[p.address, [p.postcode, p.commune_name].filter(Boolean).join(" ")].filter(Boolean).join(", ")}</p>
              )}
              <p className="fr-text--sm fr-mb-0">
                {p.phone && (
                  <a href={`tel:${p.phone.replace(/[^\d+]/g, "")}`} className="fr-mr-2w">
                    Appeler le {p.phone}
                  </a>
                )}
                <a href={`geo:${lat},${lon}`}>
                  Itinéraire<span className="fr-sr-only"> vers {p.name}</span>
                </a>
              </p>
            </li>
          );
        })}
      </ol>
    </>
  );
}
