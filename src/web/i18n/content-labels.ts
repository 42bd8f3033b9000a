import { msg } from "@lingui/core/macro";
import type { MessageDescriptor } from "@lingui/core";
import type { SituationId, StageId, ThemeId } from "../../domain/content/taxonomy.js";

/**
 * The names of the journey's stages, themes and situations in the reader's language: content/stages.json, themes.json
 * and situations.json stay French (the server, the API and the search use them); the interface has one message per id,
 * whose French is the content's (checked by content-labels.test.ts), translated in the catalogues like every message.
 */
export interface StageLabels {
  title: MessageDescriptor;
  period: MessageDescriptor;
  description: MessageDescriptor;
}

export const stageLabels: Record<StageId, StageLabels> = {
  projet: {
    title: msg`Projet d'enfant`,
    period: msg`Avant la grossesse`,
    description: msg`Vous pensez à avoir un enfant : c'est le bon moment pour préparer sa santé et s'informer.`,
  },
  conception: {
    title: msg`Conception`,
    period: msg`Vous essayez d'avoir un enfant`,
    description: msg`Vous essayez de concevoir : quelques gestes simples protègent déjà le futur bébé.`,
  },
  "debut-grossesse": {
    title: msg`Début de grossesse`,
    period: msg`Jusqu'à 15 semaines d'aménorrhée`,
    description: msg`Les premiers mois : déclarer la grossesse, commencer le suivi, adapter son quotidien.`,
  },
  "suite-grossesse": {
    title: msg`Suite et fin de grossesse`,
    period: msg`De 16 à 36 semaines d'aménorrhée`,
    description: msg`Le bébé grandit : entretien prénatal précoce, échographies, préparation à la naissance et aux congés.`,
  },
  accouchement: {
    title: msg`Accouchement et premiers jours`,
    period: msg`De 37 semaines d'aménorrhée à la première semaine du bébé`,
    description: msg`La naissance approche ou vient d'avoir lieu : la maternité, les premières démarches, le retour à la maison.`,
  },
  "trois-premiers-mois": {
    title: msg`Ses 3 premiers mois`,
    period: msg`De 1 semaine à 3 mois`,
    description: msg`Faire connaissance avec son bébé, prendre soin de soi, l'entretien postnatal précoce et les premiers vaccins.`,
  },
  "quatre-mois-un-an": {
    title: msg`De ses 4 mois à 1 an`,
    period: msg`De 3 mois à 1 an`,
    description: msg`Diversification alimentaire, sécurité à la maison, reprise du travail et mode de garde.`,
  },
  "un-deux-ans": {
    title: msg`De 1 an à 2 ans`,
    period: msg`De 1 an à 2 ans`,
    description: msg`Il marche, il parle : l'éveil, le langage, les écrans, les accidents domestiques.`,
  },
  "deux-trois-ans": {
    title: msg`De 2 à 3 ans`,
    period: msg`De 2 ans à 3 ans`,
    description: msg`Vers l'autonomie : langage, sommeil, préparation à l'école.`,
  },
};

export const themeLabels: Record<ThemeId, MessageDescriptor> = {
  "suivi-medical": msg`Suivi médical et vaccins`,
  alimentation: msg`Alimentation et compléments`,
  toxiques: msg`Alcool, tabac et médicaments`,
  environnement: msg`Environnement et produits toxiques`,
  sommeil: msg`Sommeil`,
  securite: msg`Sécurité et prévention des accidents`,
  allaitement: msg`Allaitement et biberon`,
  "sante-mentale": msg`Santé mentale et moral`,
  "second-parent": msg`Second parent`,
  droits: msg`Droits, congés et démarches`,
  aides: msg`Aides financières et solidarité`,
  handicap: msg`Handicap`,
  ecrans: msg`Écrans`,
  eveil: msg`Éveil, langage et lecture`,
};

export const situationLabels: Record<SituationId, MessageDescriptor> = {
  "premier-enfant": msg`C'est notre premier enfant`,
  "grossesse-multiple": msg`Grossesse multiple (jumeaux ou plus)`,
  prematurite: msg`Naissance prématurée`,
  "handicap-parent": msg`Un parent vit avec un handicap`,
  "handicap-enfant": msg`Notre enfant a un handicap ou un trouble du développement`,
  "parent-seul": msg`J'élève mon enfant seul ou seule`,
  "aide-financiere": msg`Nous avons besoin d'aide financière`,
};
