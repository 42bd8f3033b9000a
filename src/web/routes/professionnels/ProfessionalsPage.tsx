import { Link } from "react-router";
import { msg } from "@lingui/core/macro";
import { useLingui } from "@lingui/react/macro";
import { Page } from "../../components/Page.js";

const TOOLS = [
  {
    to: "/professionnels/calendrier",
    title: msg`Remettre le calendrier d'une famille`,
    text: msg`À partir de ses dates (terme ou dernières règles, naissances, jumeaux…) : tous ses rendez-vous, démarches et droits, à imprimer ou à remettre par QR code sur son téléphone.`,
  },
  {
    to: "/professionnels/entretiens",
    title: msg`Entretiens prénatal et postnatal précoces`,
    text: msg`Les thèmes à aborder selon la HAS et le Collège national des sages-femmes, et une synthèse écrite avec le parent, qu'il emporte sur papier ou sur son téléphone.`,
  },
  {
    to: "/professionnels/lieux",
    title: msg`Lieux près de la famille`,
    text: msg`À partir de la commune de la famille : la liste imprimable des PMI, maternités, sages-femmes, CMP, lieux d'accueil enfants-parents les plus proches, avec adresse et téléphone.`,
  },
  {
    to: "/post-partum/professionnel",
    title: msg`Questionnaire EPDS en mode professionnel`,
    text: msg`Le questionnaire de repérage de la dépression du post-partum, à faire passer avec le parent, avec le score et l'orientation.`,
  },
  {
    to: "/professionnels/supports",
    title: msg`Supports officiels et affiches QR code`,
    text: msg`Les liens courts du Livret et du Sac des 1000 premiers jours et des courriers de la CAF, et des affiches QR code à imprimer pour une salle d'attente.`,
  },
] as const;

/** `/professionnels`: tools for the professionals who meet families, without account and without storing anything. */
export function ProfessionalsPage() {
  const { t } = useLingui();
  return (
    <Page title={t`Espace professionnels`}>
      <p className="fr-text--lead">
        {t`Pour les sages-femmes, médecins, équipes de PMI, TISF, travailleurs sociaux : des outils à utiliser avec une famille, là où vous la rencontrez.`}
      </p>
      <p>
        {t`Sans compte. Les informations de la famille ne sont enregistrées ni sur nos serveurs ni sur votre appareil : elles restent dans la page le temps de l'imprimer, ou passent sur le téléphone du parent par un QR code, avec son accord.`}
      </p>
      <p>
        {t`Pour une famille qui lit une autre langue : le lien et le QR code remis s'ouvrent dans la langue que vous choisissez, et chaque page s'imprime dans la langue choisie en haut de page (sélecteur de langue).`}
      </p>
      <ul className="fr-grid-row fr-grid-row--gutters mj-track-list">
        {TOOLS.map((tool) => (
          <li key={tool.to} className="fr-col-12 fr-col-md-6">
            <div className="fr-card fr-enlarge-link">
              <div className="fr-card__body">
                <div className="fr-card__content">
                  <h2 className="fr-card__title">
                    <Link to={tool.to}>{t(tool.title)}</Link>
                  </h2>
                  <p className="fr-card__desc">{t(tool.text)}</p>
                </div>
              </div>
            </div>
          </li>
        ))}
      </ul>
    </Page>
  );
}
