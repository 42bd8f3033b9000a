import { Link } from "react-router";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Page } from "../../components/Page.js";

const pillars = {
  "autour-de-moi": {
    title: "Autour de moi",
    text: "Les maternités, PMI, sages-femmes, CAF et lieux d'accueil près de chez vous, à partir des données publiques officielles.",
  },
} as const;

/** A pillar not built yet: says what it will do, and where to go meanwhile (no dead link). */
export function ComingSoonPage({ pillar }: { pillar: keyof typeof pillars }) {
  const { title, text } = pillars[pillar];
  return (
    <Page title={title}>
      <Alert severity="info" small description="Bientôt disponible" className="fr-mb-3w" />
      <p>{text}</p>
      <p>
        En attendant, retrouvez ce qui compte pour vous dans <Link to="/parcours">votre parcours</Link>.
      </p>
    </Page>
  );
}
