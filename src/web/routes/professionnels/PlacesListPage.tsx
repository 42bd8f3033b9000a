import { useEffect, useRef, useState, type FormEvent } from "react";
import { Link } from "react-router";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { communeLabel, resolveCommuneQuery, type CommuneIndex, type CommuneMatch } from "../../../domain/geo/commune-search.js";
import { formatFrenchDate } from "../../../domain/dates.js";
import { Page } from "../../components/Page.js";
import { useParent } from "../../state/parent.js";
import { ChoiceList } from "../autour/ChoiceList.js";
import { fetchNearby, fetchPlaceTypes, loadCommuneIndex, type NearbyFeature, type PlaceTypeInfo } from "../autour/places-api.js";
import "./print.css";

const RADII = [10, 20, 50];
const DEFAULT_TYPES = ["pmi", "maternite", "sage-femme", "cmp", "laep"];

/**
 * `/professionnels/lieux`: from the family's commune (never an address: the commune's centre is all the places
 * API receives), a printable list of the nearest places of the chosen types, with phone and address. The same
 * commune search and places API as « Autour de moi »; nothing is stored.
 */
export function PlacesListPage() {
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
    loadCommuneIndex().then(setIndex, () => setMessage("La liste des communes n'a pas pu être chargée (hors ligne ?)."));
    fetchPlaceTypes().then(setTypes, () => setMessage("La liste des types de lieux n'a pas pu être chargée (hors ligne ?)."));
  }, []);
  const available = types.filter((t) => t.count > 0);
  const selected = chosen.filter((id) => available.some((t) => t.id === id));

  async function search(commune: CommuneMatch) {
    setCandidates([]);
    setMessage(null);
    if (selected.length === 0) return setMessage("Choisissez au moins un type de lieu.");
    try {
      const { features } = await fetchNearby(commune.lat, commune.lon, selected, radius);
      setResult({ commune, places: features, radius });
      requestAnimationFrame(() => resultRef.current?.focus());
    } catch (error) {
      setMessage(error instanceof Error ? error.message : "La recherche n'a pas abouti.");
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!index) return;
    const found = resolveCommuneQuery(index, text, 8);
    if (found.kind === "one") return void search(found.commune);
    setResult(null);
    if (found.kind === "choose") {
      setCandidates(found.communes);
      setMessage(`Plusieurs communes correspondent à « ${text.trim()} » : choisissez la bonne.`);
    } else setMessage(`Aucune commune ne correspond à « ${text.trim()} ». Vérifiez l'orthographe ou indiquez le code postal.`);
  }

  return (
    <Page title="Lieux près de la famille">
      <div className="mj-no-print">
        <p className="fr-text--lead">Une liste imprimable des lieux les plus proches de la commune de la famille, avec adresse et téléphone.</p>
        <p>
          Seul le centre de la commune sert à la recherche ; rien n'est enregistré. Données publiques officielles (FINESS, Annuaire santé) :{" "}
          <Link to="/autour-de-moi/sources">sources et limites</Link>.
        </p>
        <form onSubmit={submit} noValidate>
          <Input
            label="Commune de la famille"
            hintText="Nom ou code postal"
            nativeInputProps={{ name: "pro-commune", value: text, onChange: (e) => setText(e.target.value), autoComplete: "off" }}
          />
          <Checkbox
            legend="Types de lieux"
            small
            options={available.map((t) => ({
              label: t.label,
              nativeInputProps: {
                name: `pro-type-${t.id}`,
                checked: chosen.includes(t.id),
                onChange: (e) => setChosen(e.target.checked ? [...chosen, t.id] : chosen.filter((id) => id !== t.id)),
              },
            }))}
          />
          <Select label="Distance" nativeSelectProps={{ name: "pro-radius", value: String(radius), onChange: (e) => setRadius(Number(e.target.value)) }}>
            {RADII.map((r) => (
              <option key={r} value={r}>
                {r} km
              </option>
            ))}
          </Select>
          <Button type="submit" iconId="fr-icon-search-line" iconPosition="right" disabled={!index}>
            Voir les lieux
          </Button>
        </form>
        {message && <Alert severity="info" small description={message} className="fr-mt-2w" />}
        {candidates.length > 0 && (
          <ChoiceList
            label="Quelle commune ?"
            choices={candidates.map((c) => ({ key: c.code, label: communeLabel(c), detail: c.postcodes.slice(0, 3).join(", "), choose: () => void search(c) }))}
          />
        )}
      </div>

      {result && (
        <section className="mj-print-document fr-mt-4w" aria-labelledby="lieux-titre">
          <div className="mj-no-print fr-mb-2w">
            <Button type="button" iconId="fr-icon-printer-line" onClick={() => window.print()}>
              Imprimer la liste
            </Button>
          </div>
          <h2 id="lieux-titre" ref={resultRef} tabIndex={-1}>
            Lieux près de {communeLabel(result.commune)}
          </h2>
          <p className="mj-print-meta">
            À moins de {result.radius} km du centre de la commune · liste du {formatFrenchDate(today)} · appelez avant de vous déplacer : les horaires et
            l'accueil changent.
          </p>
          {result.places.length === 0 ? (
            <p>Aucun lieu de ces types à moins de {result.radius} km. Essayez une distance plus grande.</p>
          ) : (
            <ol className="mj-print-lines">
              {result.places.map((place) => (
                <li key={place.id} className="mj-print-place">
                  <strong>{place.properties.name}</strong> <span className="mj-print-who">· {place.properties.type_label}</span>
                  <br />
                  {[place.properties.address, [place.properties.postcode, place.properties.commune_name].filter(Boolean).join(" ")].filter(Boolean).join(", ")}
                  {place.properties.distance_m !== undefined && (
                    <> · {(place.properties.distance_m / 1000).toLocaleString("fr-FR", { maximumFractionDigits: 1 })} km</>
                  )}
                  {place.properties.phone && (
                    <>
                      <br />
                      Téléphone : <strong>{place.properties.phone}</strong>
                    </>
                  )}
                </li>
              ))}
            </ol>
          )}
          <p className="fr-text--xs fr-mt-2w">Source : Mille Jours, d'après FINESS et l'Annuaire santé (données publiques).</p>
        </section>
      )}
      <p className="fr-mt-4w mj-no-print">
        <Link to="/professionnels">Retour à l'espace professionnels</Link>
      </p>
    </Page>
  );
}
