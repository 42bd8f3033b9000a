/**
 * The profile's messages for a parent, under their stable codes (part of src/domain/parent-messages.ts, kept apart so
 * that the profile's rules, loaded by the home page, carry only their own sentences).
 */
export const PROFILE_MESSAGES = {
  "date.nonexistent": "Cette date n'existe pas ou est incomplète (par exemple le 30 février) : vérifiez le jour, le mois et l'année.",
  "profile.terme.too-far": "La date du terme est à plus de 42 semaines d'aujourd'hui : vérifiez l'année saisie.",
  "profile.terme.past": "La date du terme est passée depuis plus de 2 semaines : si votre bébé est né, indiquez plutôt sa date de naissance.",
  "profile.ddr.future": "La date des dernières règles ne peut pas être dans le futur.",
  "profile.ddr.terme-past":
    "Avec cette date des dernières règles, le terme serait passé depuis plus de 2 semaines : vérifiez la date, ou indiquez la date de naissance si votre bébé est né.",
  "profile.birth.future": "La date de naissance ne peut pas être dans le futur : pour une grossesse en cours, indiquez la date du terme.",
  "profile.birth.too-old": "Cette date de naissance est trop ancienne (plus de 18 ans) : vérifiez l'année.",
  "profile.situation.missing": "Choisissez au moins une situation : projet d'enfant, grossesse en cours ou enfant né.",
  "profile.situation.both": "Choisissez soit « projet d'enfant », soit « grossesse en cours », pas les deux.",
  "profile.babies.range": "Indiquez le nombre de bébés attendus (de 1 à 8).",
  "profile.expected-terme.before-birth": "Le terme prévu d'un bébé né prématurément est après sa date de naissance.",
  "profile.expected-terme.too-far": "Le terme prévu est à plus de 20 semaines de la naissance : vérifiez les dates.",
  "profile.first-name.too-long": "Le prénom est trop long (60 caractères au plus).",
} as const satisfies Record<string, string>;

export type ProfileMessageCode = keyof typeof PROFILE_MESSAGES;
