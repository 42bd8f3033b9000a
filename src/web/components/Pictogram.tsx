import type { ThemeId } from "../../domain/content/taxonomy.js";

/**
 * Pictograms beside key actions (FALC rule: a picture next to the words). Decorative: the text beside them says it
 * all, so they are hidden from assistive technologies. Files and licences: public/pictogrammes/, docs/pictogrammes.md.
 * DSFR pictograms are drawn with `<use>` so that the DSFR's artwork colours follow the light and dark themes;
 * OpenMoji ones (fixed colours, black outlines) sit on a light disc that keeps them readable in the dark theme.
 */
const dsfr = {
  medecin: "doctor",
  alimentation: "food",
  environnement: "leaf",
  sommeil: "moon",
  maison: "house",
  demarches: "document",
  argent: "money",
  handicap: "accessibility",
  smartphone: "smartphone",
  lecture: "book",
} as const;

const openmoji = {
  grossesse: "1F930",
  bebe: "1F476",
  allaitement: "1F931",
  appel: "1F4DE",
  famille: "1F46A",
  "sans-tabac": "1F6AD",
  soutien: "1FAC2",
} as const;

export type PictogramId = keyof typeof dsfr | keyof typeof openmoji;

export const themePictograms: Record<ThemeId, PictogramId> = {
  "suivi-medical": "medecin",
  alimentation: "alimentation",
  toxiques: "sans-tabac",
  environnement: "environnement",
  sommeil: "sommeil",
  securite: "maison",
  allaitement: "allaitement",
  "sante-mentale": "soutien",
  "second-parent": "famille",
  droits: "demarches",
  aides: "argent",
  handicap: "handicap",
  ecrans: "smartphone",
  eveil: "lecture",
};

export function Pictogram({ id, size = 40 }: { id: PictogramId; size?: number }) {
  if (id in dsfr) {
    const file = `/pictogrammes/dsfr/${dsfr[id as keyof typeof dsfr]}.svg`;
    return (
      <svg aria-hidden="true" focusable="false" className="fr-artwork mj-picto" viewBox="0 0 80 80" width={size} height={size} data-picto={id}>
        <use className="fr-artwork-decorative" href={`${file}#artwork-decorative`} />
        <use className="fr-artwork-minor" href={`${file}#artwork-minor`} />
        <use className="fr-artwork-major" href={`${file}#artwork-major`} />
      </svg>
    );
  }
  const code = openmoji[id as keyof typeof openmoji];
  return <img className="mj-picto mj-picto--openmoji" src={`/pictogrammes/openmoji/${code}.svg`} alt="" width={size} height={size} data-picto={id} />;
}
