import { useEffect, useState } from "react";
import { Link, useParams } from "react-router";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import { formatFrenchDate, isValidIsoDate } from "../../../domain/dates.js";
import { Page } from "../../components/Page.js";
import { fetchPlace, fetchPlaceTypes, type PlaceFeature, type PlaceTypeInfo } from "./places-api.js";

/** One place: what it is, where, how to reach it, and where the information comes from. */
export function PlacePage() {
  const { placeId = "" } = useParams();
  const [place, setPlace] = useState<PlaceFeature | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    fetchPlace(placeId).then(setPlace, (e: Error) => setError(e.message));
  }, [placeId]);
  if (error)
    return (
      <Page title="Lieu introuvable">
        <Alert severity="error" small description={error} />
        <p>
          <Link to="/autour-de-moi">Revenir à la recherche</Link>
        </p>
      </Page>
    );
  if (!place) return <p role="status">Chargement…</p>;
  const p = place.properties;
  const [lon, lat] = place.geometry.coordinates;
  return (
    <>
      <Breadcrumb currentPageLabel={p.name} segments={[{ label: "Autour de moi", linkProps: { to: "/autour-de-moi" } }]} className="fr-mt-0" />
      <Page title={p.name}>
        <p className="fr-text--lead">{p.type_label}</p>
        {p.category_label && <p className="fr-text--sm">Catégorie officielle : {p.category_label}</p>}
        <p>{[p.address, [p.postcode, p.commune_name].filter(Boolean).join(" ")].filter(Boolean).join(", ")}</p>
        {p.approximate && <p className="fr-text--sm">Position approximative : le lieu est placé au centre de sa commune.</p>}
        <ul>
          {p.phone && (
            <li>
              <a href={`tel:${p.phone.replace(/[^\d+]/g, "")}`}>Appeler le {p.phone}</a>
            </li>
          )}
          <li>
            <a href={`geo:${lat},${lon}`}>Ouvrir dans mon application de cartes</a>
          </li>
        </ul>
        <p className="fr-text--sm">
          Source : {p.source === "finess" ? "répertoire FINESS (ministère de la Santé)" : p.source === "rpps" ? "Annuaire santé (RPPS)" : p.source}
          {p.updated && isValidIsoDate(p.updated) ? `, mise à jour du ${formatFrenchDate(p.updated)}` : ""}. Une information est fausse ? Elle vient de la
          source officielle : signalez-la au lieu concerné.
        </p>
      </Page>
    </>
  );
}

/** The place types, what they cover, and the limits of the data. */
export function PlaceSourcesPage() {
  const [types, setTypes] = useState<PlaceTypeInfo[]>([]);
  useEffect(() => {
    fetchPlaceTypes().then(setTypes, () => undefined);
  }, []);
  return (
    <Page title="Sources des lieux">
      <p>
        Les lieux viennent des données publiques : le répertoire FINESS des établissements sanitaires et sociaux, l'Annuaire santé (RPPS) pour les
        professionnels, et les centres des communes (découpage administratif). Les maternités ne sont pas une catégorie du répertoire FINESS : nous montrons les
        hôpitaux et cliniques, où se trouvent les maternités.
      </p>
      <ul>
        {types.map((t) => (
          <li key={t.id}>
            <strong>{t.label}</strong> ({t.count}) : {t.description}
            {t.note ? ` ${t.note}` : ""}
          </li>
        ))}
      </ul>
    </Page>
  );
}
