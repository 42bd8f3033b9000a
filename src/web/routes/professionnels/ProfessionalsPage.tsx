import { Link } from "react-router";
import { Page } from "../../components/Page.js";

const TOOLS = [
  {
    to: "/professionnels/calendrier",
    title: "Remettre le calendrier d'une famille",
    text: "À partir de ses dates (terme ou dernières règles, naissances, jumeaux…) : tous ses rendez-vous, démarches et droits, à imprimer ou à remettre par QR code sur son téléphone.",
  },
  {
    to: "/professionnels/entretiens",
    title: "Entretiens prénatal et postnatal précoces",
    text: "Les thèmes à aborder selon la HAS et le Collège national des sages-femmes, et une synthèse écrite avec le parent, qu'il emporte sur papier ou sur son téléphone.",
  },
  {
    to: "/professionnels/lieux",
    title: "Lieux près de la famille",
    text: "À partir de la commune de la famille : la liste imprimable des PMI, maternités, sages-femmes, CMP, lieux d'accueil enfants-parents les plus proches, avec adresse et téléphone.",
  },
  {
    to: "/post-partum/professionnel",
    title: "Questionnaire EPDS en mode professionnel",
    text: "Le questionnaire de repérage de la dépression du post-partum, à faire passer avec le parent, avec le score et l'orientation.",
  },
  {
    to: "/professionnels/supports",
    title: "Supports officiels et affiches QR code",
    text: "Les liens courts du Livret et du Sac des 1000 premiers jours et des courriers de la CAF, et des affiches QR code à imprimer pour une salle d'attente.",
  },
] as const;

/** `/professionnels`: tools for the professionals who meet families, without account and without storing anything. */
export function ProfessionalsPage() {
  return (
    <Page title="Espace professionnels">
      <p className="fr-text--lead">
        Pour les sages-femmes, médecins, équipes de PMI, TISF, travailleurs sociaux : des outils à utiliser avec une famille, là où vous la rencontrez.
      </p>
      <p>
        Sans compte. Les informations de la famille ne sont enregistrées ni sur nos serveurs ni sur votre appareil : elles restent dans la page le temps de
        l'imprimer, ou passent sur le téléphone du parent par un QR code, avec son accord.
      </p>
      <ul className="fr-grid-row fr-grid-row--gutters mj-track-list">
        {TOOLS.map((tool) => (
          <li key={tool.to} className="fr-col-12 fr-col-md-6">
            <div className="fr-card fr-enlarge-link">
              <div className="fr-card__body">
                <div className="fr-card__content">
                  <h2 className="fr-card__title">
                    <Link to={tool.to}>{tool.title}</Link>
                  </h2>
                  <p className="fr-card__desc">{tool.text}</p>
                </div>
              </div>
            </div>
          </li>
        ))}
      </ul>
    </Page>
  );
}
