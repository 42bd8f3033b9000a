import { useEffect, useRef, useState, type FormEvent } from "react";
import { Link } from "react-router";
import { Trans, useLingui } from "@lingui/react/macro";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { communeLabel, resolveCommuneQuery, type CommuneIndex, type CommuneMatch } from "../../../domain/geo/commune-search.js";
import { Page } from "../../components/Page.js";
import { useParent } from "../../state/parent.js";
import { formatDate } from "../../i18n/format.js";
import { placeAddress } from "../autour/address.js";
import { formatDistance, formatKilometres } from "../autour/distance.js";
import { placeTypeLabel } from "../autour/place-type-text.js";
import { ChoiceList } from "../autour/ChoiceList.js";
import { fetchNearby, fetchPlaceTypes, loadCommuneIndex, type NearbyFeature, type PlaceTypeInfo } from "../autour/places-api.js";
import { PhoneLine } from "./PhoneLine.js";
import "./print.css";

const RADII = [10, 20, 50];
const DEFAULT_TYPES = ["pmi", "maternite", "sage-femme", "cmp", "laep"];

/**
 * `/professionnels/lieux`: from the family's commune (never an address: the commune's centre is all the places
 * API receives), a printable list of the nearest places of the chosen types, with phone and address. The same
 * commune search and places API as « Autour de moi »; nothing is stored.
 */
export function PlacesListPage() {
  const { t } = useLingui();
  const { today } = useParent("today");
  const [index, setIndex] = useState<CommuneIndex | null>(null);
  const [types, setTypes] = useState<PlaceTypeInfo[]>([]);
  const [chosen, setChosen] = useState<string[]>(DEFAULT_TYPES);
  const [radius, setRadius] = useState(20);
  const [text, setText] = useState("");
  const [candidates, setCandidates] = useState<CommuneMatch[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [result, setResult] = useState<{ commune: CommuneMatch; places: NearbyFeature[]; radius: number } | null>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    loadCommuneIndex().then(setIndex, () => setMessage(t`La liste des communes n'a pas pu être chargée (hors ligne ?).`));
    fetchPlaceTypes().then(setTypes, () => setMessage(t`La liste des types de lieux n'a pas pu être chargée (hors ligne ?).`));
    // Loaded once per visit (a change of language loads the page anew).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const available = types.filter((t) => t.count > 0);
  const selected = chosen.filter((id) => available.some((t) => t.id === id));

  async function search(commune: CommuneMatch) {
    setCandidates([]);
    setMessage(null);
    if (selected.length === 0) return setMessage(t`Choisissez au moins un type de lieu.`);
    try {
      const { features } = await fetchNearby(commune.lat, commune.lon, selected, radius);
      setResult({ commune, places: features, radius });
      requestAnimationFrame(() => resultRef.current?.focus());
    } catch {
      setMessage(
        navigator.onLine
          ? t`La recherche de lieux n'a pas abouti : réessayez dans un instant.`
          : t`Vous êtes hors ligne : la recherche de lieux a besoin du réseau.`,
      );
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!index) return;
    const found = resolveCommuneQuery(index, text, 8);
    const query = text.trim();
    if (found.kind === "one") return void search(found.commune);
    setResult(null);
    if (found.kind === "choose") {
      setCandidates(found.communes);
      setMessage(t`Plusieurs communes correspondent à « ${query} » : choisissez la bonne.`);
    } else setMessage(t`Aucune commune ne correspond à « ${query} ». Vérifiez l'orthographe ou indiquez le code postal.`);
  }

  const commune = result ? communeLabel(result.commune) : "";
  const within = result ? formatKilometres(result.radius) : "";
  const listed = formatDate(today);
  return (
    <Page title={t`Lieux près de la famille`}>
      <div className="mj-no-print">
        <p className="fr-text--lead">{t`Une liste imprimable des lieux les plus proches de la commune de la famille, avec adresse et téléphone.`}</p>
        <p>
          <Trans>
            Seul le centre de la commune sert à la recherche ; rien n'est enregistré. Données publiques officielles (FINESS, Annuaire santé) :{" "}
            <Link to="/autour-de-moi/sources">sources et limites</Link>.
          </Trans>
        </p>
        <form onSubmit={submit} noValidate>
          <Input
            label={t`Commune de la famille`}
            hintText={t`Nom ou code postal`}
            nativeInputProps={{ name: "pro-commune", value: text, onChange: (e) => setText(e.target.value), autoComplete: "off" }}
          />
          <Checkbox
            legend={t`Types de lieux`}
            small
            options={available.map((type) => ({
              label: placeTypeLabel(type.id, type.label),
              nativeInputProps: {
                name: `pro-type-${type.id}`,
                checked: chosen.includes(type.id),
                onChange: (e) => setChosen(e.target.checked ? [...chosen, type.id] : chosen.filter((id) => id !== type.id)),
              },
            }))}
          />
          <Select label={t`Distance`} nativeSelectProps={{ name: "pro-radius", value: String(radius), onChange: (e) => setRadius(Number(e.target.value)) }}>
            {RADII.map((r) => (
              <option key={r} value={r}>
                {formatKilometres(r)}
              </option>
            ))}
          </Select>
          <Button type="submit" iconId="fr-icon-search-line" iconPosition="right" disabled={!index}>
            {t`Voir les lieux`}
          </Button>
        </form>
        {message && <Alert severity="info" small description={message} className="fr-mt-2w" />}
        {candidates.length > 0 && (
          <ChoiceList
            label={t`Quelle commune ?`}
            choices={candidates.map((c) => ({ key: c.code, label: communeLabel(c), detail: c.postcodes.slice(0, 3).join(", "), choose: () => void search(c) }))}
          />
        )}
      </div>

      {result && (
        <section className="mj-print-document fr-mt-4w" aria-labelledby="lieux-titre">
          <div className="mj-no-print fr-mb-2w">
            <Button type="button" iconId="fr-icon-printer-line" onClick={() => window.print()}>
              {t`Imprimer la liste`}
            </Button>
          </div>
          <h2 id="lieux-titre" ref={resultRef} tabIndex={-1}>
            {t`Lieux près de ${commune}`}
          </h2>
          <p className="mj-print-meta">
            {t`À moins de ${within} du centre de la commune · liste du ${listed} · appelez avant de vous déplacer : les horaires et l'accueil changent.`}
          </p>
          {result.places.length === 0 ? (
            <p>{t`Aucun lieu de ces types à moins de ${within}. Essayez une distance plus grande.`}</p>
          ) : (
            <ol className="mj-print-lines">
              {result.places.map((place) => (
                <li key={place.id} className="mj-print-place">
                  <strong>{place.properties.name}</strong>{" "}
                  <span className="mj-print-who">· {placeTypeLabel(place.properties.type, place.properties.type_label)}</span>
                  <br />
                  <span lang="fr">{placeAddress(place.properties)}</span> · {formatDistance(place.properties.distance_m)}
                  {place.properties.phone && (
                    <>
                      <br />
                      <PhoneLine phone={place.properties.phone} />
                    </>
                  )}
                </li>
              ))}
            </ol>
          )}
          <p className="fr-text--xs fr-mt-2w">{t`Source : Mille Jours, d'après FINESS et l'Annuaire santé (données publiques).`}</p>
        </section>
      )}
      <p className="fr-mt-4w mj-no-print">
        <Link to="/professionnels">{t`Retour à l'espace professionnels`}</Link>
      </p>
    </Page>
  );
}
