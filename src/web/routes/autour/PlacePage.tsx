import { useEffect, useState } from "react";
import { Link, useParams } from "react-router";
import { Trans, useLingui } from "@lingui/react/macro";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import { isValidIsoDate } from "../../../domain/dates.js";
import { formatDate } from "../../i18n/format.js";
import { Page } from "../../components/Page.js";
import { placeAddress } from "./address.js";
import { placeTypeText } from "./place-type-text.js";
import { fetchPlace, fetchPlaceTypes, PlacesApiError, type PlaceFeature, type PlaceTypeInfo } from "./places-api.js";
import { servedAnswer } from "../../state/served-answers.js";
import { apiUrl } from "../../../domain/api/contract.js";

/** The place the server rendered the page with (src/server/request-pages.ts), if it did. */
const servedPlace = (id: string) => servedAnswer<PlaceFeature>(apiUrl("/places/:id", { id }));

/** One place: what it is, where, how to reach it, and where the information comes from. */
export function PlacePage() {
  const { t } = useLingui();
  const { placeId = "" } = useParams();
  // Served with the page, the place is shown from the first render: the app takes the served page over unchanged.
  const [place, setPlace] = useState<PlaceFeature | null>(() => servedPlace(placeId) ?? null);
  const [failure, setFailure] = useState<number | null>(null);
  useEffect(() => {
    const served = servedPlace(placeId);
    if (served) {
      setPlace(served);
      return;
    }
    fetchPlace(placeId).then(setPlace, (e: unknown) => setFailure(e instanceof PlacesApiError ? e.status : 500));
  }, [placeId]);
  if (failure !== null)
    return (
      <Page title={t`Lieu introuvable`}>
        <Alert
          severity="error"
          small
          description={
            failure === 404
              ? t`Ce lieu n'existe pas (ou plus) dans nos données.`
              : failure === 0
                ? t`Vous êtes hors ligne : la fiche de ce lieu a besoin du réseau.`
                : t`La fiche de ce lieu n'a pas pu être chargée : réessayez dans un instant.`
          }
        />
        <p>
          <Link to="/autour-de-moi">{t`Revenir à la recherche`}</Link>
        </p>
      </Page>
    );
  if (!place) return <p role="status">{t`Chargement…`}</p>;
  const p = place.properties;
  const [lon, lat] = place.geometry.coordinates;
  const type = placeTypeText(p.type);
  const phone = p.phone;
  const category = p.category_label;
  const updated = p.updated && isValidIsoDate(p.updated) ? formatDate(p.updated) : null;
  const source = p.source === "finess" ? t`répertoire FINESS (ministère de la Santé)` : p.source === "rpps" ? t`Annuaire santé (RPPS)` : p.source;
  return (
    <>
      <Breadcrumb currentPageLabel={p.name} segments={[{ label: t`Autour de moi`, linkProps: { to: "/autour-de-moi" } }]} className="fr-mt-0" />
      <Page title={p.name}>
        <p className="fr-text--lead">{type ? t(type.label) : p.type_label}</p>
        {type && <p>{t(type.description)}</p>}
        {category && (
          // The register's own category, in its French words: what the place is called in the official source.
          <p className="fr-text--sm">
            <Trans>
              Catégorie officielle (répertoire en français) : <span lang="fr">{category}</span>
            </Trans>
          </p>
        )}
        <p lang="fr">{placeAddress(p)}</p>
        {p.approximate && <p className="fr-text--sm">{t`Position approximative : le lieu est placé au centre de sa commune.`}</p>}
        <ul>
          {phone && (
            <li>
              <a href={`tel:${phone.replace(/[^\d+]/g, "")}`}>
                <Trans>
                  Appeler le <span dir="ltr">{phone}</span>
                </Trans>
              </a>
            </li>
          )}
          <li>
            <a href={`geo:${lat},${lon}`}>{t`Ouvrir dans mon application de cartes`}</a>
          </li>
        </ul>
        <p className="fr-text--sm">
          {updated ? t`Source : ${source}, mise à jour du ${updated}.` : t`Source : ${source}.`}{" "}
          {t`Une information est fausse ? Elle vient de la source officielle : signalez-la au lieu concerné.`}
        </p>
      </Page>
    </>
  );
}

/** The place types, what they cover, and the limits of the data. */
export function PlaceSourcesPage() {
  const { i18n, t } = useLingui();
  const [types, setTypes] = useState<PlaceTypeInfo[]>([]);
  useEffect(() => {
    fetchPlaceTypes().then(setTypes, () => undefined);
  }, []);
  return (
    <Page title={t`Sources des lieux`}>
      <p>
        {t`Les lieux viennent des données publiques : le répertoire FINESS des établissements sanitaires et sociaux, l'Annuaire santé (RPPS) pour les professionnels, et les centres des communes (découpage administratif). Les maternités ne sont pas une catégorie du répertoire FINESS : nous montrons les hôpitaux et cliniques, où se trouvent les maternités.`}
      </p>
      <ul>
        {types.map((info) => {
          const text = placeTypeText(info.id);
          const label = text ? t(text.label) : info.label;
          const description = text ? t(text.description) : info.description;
          const count = i18n.number(info.count);
          const note = text?.note ? t(text.note) : text ? null : info.note;
          return (
            <li key={info.id}>
              <Trans>
                <strong>{label}</strong> ({count}) : {description}
              </Trans>
              {note ? ` ${note}` : ""}
            </li>
          );
        })}
      </ul>
    </Page>
  );
}
