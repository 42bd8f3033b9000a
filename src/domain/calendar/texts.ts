import { formatTemplate, type TemplateValue } from "../content/message-template.js";

/** Plafond mensuel de la sécurité sociale 2026, the ceiling of the earnings the congé de naissance allowance is computed on. */
export const CONGE_NAISSANCE_CEILING_2026 = "4 005 €";

/**
 * The calendar's texts in French, the source language, keyed by a stable id (`<rule id>.title`,
 * `<rule id>.description`, and the parts that vary: a variant, a vaccine list…). The rules (pregnancy.ts,
 * vaccines.ts…) name a key and give the computed values (exam number, weeks, days): the French text is written from
 * the template here, and a translation (`content/traductions/<langue>/calendrier.json`, checked at build against
 * these keys and their `{placeholders}`) writes the same text in another language. Templates follow a small ICU subset
 * (src/domain/content/message-template.ts): `{name}` and `{name, plural, …}`; never string concatenation.
 */
export const CALENDAR_TEXTS = {
  // --- Pregnancy: the 7 prenatal exams
  "examen-prenatal-1.title": "1er examen prénatal, avant la fin du 3e mois",
  "examen-prenatal-1.description":
    "Premier rendez-vous de grossesse avec un médecin ou une sage-femme : examen, prises de sang (groupe sanguin, rubéole, toxoplasmose…) et déclaration de grossesse. Apportez votre carte Vitale et, si vous en avez, vos derniers résultats d'analyses. Pris en charge à 100 % par l'Assurance Maladie.",
  "examen-prenatal.title": "Examen prénatal n° {exam} ({month}e mois)",
  "examen-prenatal.description":
    "Rendez-vous du mois avec votre médecin ou votre sage-femme : tension, poids, analyse d'urine et écoute du cœur du bébé. Apportez votre dossier de grossesse et vos derniers résultats. Pris en charge à 100 % par l'Assurance Maladie.",
  "examen-prenatal-4.description":
    "Examen du 6e mois : tension, poids, analyse d'urine, écoute du cœur du bébé, et une prise de sang qui recherche notamment l'hépatite B. Apportez votre dossier de grossesse et vos résultats. Pris en charge à 100 % par l'Assurance Maladie.",
  // --- Ultrasounds
  "echographie-1.title": "1re échographie (11 à 13 SA + 6 jours)",
  "echographie-1.description":
    "Elle date précisément la grossesse, compte les bébés et mesure la nuque du fœtus pour le dépistage de la trisomie 21. Apportez l'ordonnance et votre carte Vitale. Remboursée à 70 % par l'Assurance Maladie, votre mutuelle complète souvent.",
  "echographie-1.description.multiple":
    "Elle date précisément la grossesse, compte les bébés et mesure la nuque du fœtus pour le dépistage de la trisomie 21. Apportez l'ordonnance et votre carte Vitale ; pour des jumeaux ou plus, d'autres échographies seront prévues entre celles-ci. Remboursée à 70 % par l'Assurance Maladie, votre mutuelle complète souvent.",
  "echographie-2.title": "2e échographie (22 à 24 SA)",
  "echographie-2.description":
    "L'échographie « morphologique » vérifie un à un les organes du bébé et sa croissance. Apportez l'ordonnance, votre carte Vitale et le compte rendu de la 1re échographie. Remboursée par l'Assurance Maladie (à 100 % à partir du 6e mois).",
  "echographie-3.title": "3e échographie (32 à 34 SA)",
  "echographie-3.description":
    "Elle contrôle la croissance du bébé, sa position et celle du placenta avant l'accouchement. Apportez l'ordonnance, votre carte Vitale et les comptes rendus précédents. Prise en charge à 100 % par l'Assurance Maladie.",
  // --- Pregnancy steps
  "declaration-grossesse.title": "Déclarer la grossesse (avant la fin de la 14e semaine)",
  "declaration-grossesse.description":
    "Au premier examen prénatal, le médecin ou la sage-femme déclare votre grossesse en ligne à l'Assurance Maladie et à la CAF : c'est ce qui ouvre vos droits. Apportez votre carte Vitale et vérifiez que c'est fait avant la fin de la 14e semaine d'aménorrhée. C'est gratuit.",
  "entretien-prenatal-precoce.title": "Entretien prénatal précoce (vers le 4e mois)",
  "entretien-prenatal-precoce.description":
    "Un temps d'échange avec une sage-femme ou un médecin, seule ou à deux, pour parler de vos besoins, de vos inquiétudes et de l'arrivée du bébé : personne ne vous examine. La loi le rend obligatoire : il doit vous être proposé, et c'est à vous de l'accepter, même plus tard dans la grossesse. Pris en charge à 100 % par l'Assurance Maladie.",
  "consultation-anesthesie.title": "Consultation avec l'anesthésiste (8e mois)",
  "consultation-anesthesie.description":
    "Rendez-vous obligatoire avec un médecin anesthésiste de la maternité, même si vous ne prévoyez pas de péridurale. Apportez votre carte Vitale, votre carte de groupe sanguin et vos derniers résultats. Pris en charge par l'Assurance Maladie.",
  "depistage-diabete-gestationnel.title": "Test du diabète de grossesse (24 à 28 SA)",
  "depistage-diabete-gestationnel.description":
    "Comme vous avez un facteur de risque, une prise de sang recherche un diabète de grossesse : à jeun, puis 1 et 2 heures après avoir bu une boisson sucrée, au laboratoire. Venez à jeun avec l'ordonnance et votre carte Vitale, et prévoyez 2 heures sur place. Remboursé par l'Assurance Maladie.",
  "prevention-bronchiolite.title": "Bronchiolite : choisir comment protéger bébé",
  "prevention-bronchiolite.description.campagne":
    "Deux possibilités, au choix : un vaccin pour vous entre 32 et 36 semaines d'aménorrhée (campagne de septembre à janvier en métropole), ou une injection d'anticorps pour bébé à la maternité. Parlez-en à votre sage-femme ou à votre médecin, qui vous dira ce qui est pris en charge.",
  "prevention-bronchiolite.description.hors-campagne":
    "Ces semaines tombent en dehors de la campagne de vaccination des femmes enceintes (septembre à janvier en métropole) : bébé pourra recevoir une injection d'anticorps avant son premier hiver. Parlez-en à votre sage-femme ou à votre médecin.",
  "reconnaissance-anticipee.title": "Reconnaître l'enfant avant la naissance (parents non mariés)",
  "reconnaissance-anticipee.description":
    "Si vous n'êtes pas mariés, le lien entre le second parent et l'enfant n'est pas automatique : il peut le reconnaître avant la naissance, dans n'importe quelle mairie. Apportez une pièce d'identité et un justificatif de domicile récent. C'est gratuit et fait sur place.",
  "prime-naissance.title": "Prime à la naissance de la CAF (7e mois)",
  "prime-naissance.description":
    "La CAF verse la prime à la naissance pendant le 7e mois de grossesse, si vos ressources ne dépassent pas un plafond et si la grossesse a été déclarée dans les 14 premières semaines. Vérifiez votre dossier et vos ressources sur caf.fr.",
  "prime-naissance.description.multiple":
    "La CAF verse la prime à la naissance pendant le 7e mois de grossesse, si vos ressources ne dépassent pas un plafond et si la grossesse a été déclarée dans les 14 premières semaines. Vérifiez votre dossier et vos ressources sur caf.fr. Pour des jumeaux ou plus, une prime est versée pour chaque enfant attendu.",
  "prevenir-employeur-conge-paternite.title": "Second parent : prévenir son employeur du congé paternité",
  "prevenir-employeur-conge-paternite.description":
    "Pour prendre le congé de paternité et d'accueil de l'enfant, prévenez votre employeur par écrit au moins un mois avant la date prévue d'accouchement : date prévue et dates de vos congés. L'employeur ne peut pas refuser.",
  // --- Birth declaration and the mother's follow-up
  "declaration-naissance.title": "Déclarer la naissance à la mairie (5 jours)",
  "declaration-naissance.description":
    "Déclarez la naissance à la mairie du lieu de naissance avant la fin du délai : c'est ce qui crée l'acte de naissance. Apportez le certificat d'accouchement, vos pièces d'identité et, s'il y en a, le livret de famille ou l'acte de reconnaissance. C'est gratuit, et la maternité explique souvent comment faire sur place.",
  "suivi-sage-femme-domicile.title": "Visites de la sage-femme à la maison (jusqu'au 12e jour)",
  "suivi-sage-femme-domicile.description":
    "Après la sortie de la maternité, une sage-femme peut venir chez vous vérifier que tout va bien pour vous et pour bébé, et répondre à vos questions sur l'allaitement ou le biberon. Gardez à portée de main votre carte Vitale et le carnet de santé de bébé. Pris en charge à 100 % jusqu'au 12e jour.",
  "entretien-postnatal-precoce.title": "Entretien postnatal précoce (4e à 8e semaine)",
  "entretien-postnatal-precoce.description":
    "Un rendez-vous pour vous, avec une sage-femme ou un médecin, où le second parent peut venir : votre fatigue, votre moral, l'allaitement ou le biberon, l'aide autour de vous. La loi le rend obligatoire : il doit vous être proposé, et c'est à vous de l'accepter. Remboursé par l'Assurance Maladie, votre mutuelle peut compléter.",
  "examen-postnatal.title": "Consultation postnatale (6 à 8 semaines)",
  "examen-postnatal.description":
    "Consultation obligatoire avec un médecin ou une sage-femme : on vérifie comment votre corps se remet, on parle de contraception, et on peut vous prescrire la rééducation du périnée. Apportez votre carte Vitale et le compte rendu de l'accouchement. Prise en charge à 100 % par l'Assurance Maladie.",
  "seances-suivi-postnatal.title": "2 séances de suivi avec une sage-femme, si besoin",
  "seances-suivi-postnatal.description":
    "Si vous avez besoin de plus de soutien après le retour à la maison, deux séances avec une sage-femme sont possibles du 8e jour à la 14e semaine : douleurs, fatigue, allaitement, moral. Apportez votre carte Vitale. Remboursées par l'Assurance Maladie.",
  "reeducation-perinee.title": "Rééducation du périnée",
  "reeducation-perinee.description":
    "Des séances pour renforcer les muscles du bas du ventre, éviter les fuites urinaires et retrouver du tonus, à commencer vers 6 semaines après la naissance. Il faut l'ordonnance de la consultation postnatale ; une sage-femme ou un kinésithérapeute les fait. Prises en charge à 100 % par l'Assurance Maladie.",
  "entretien-postnatal-2.title": "2e entretien postnatal (10e à 14e semaine)",
  "entretien-postnatal-2.description":
    "Un second entretien peut vous être proposé, surtout après un premier bébé ou si vous vous sentez fragile : on refait le point sur votre moral et vos besoins. Parlez-en à votre sage-femme ou à votre médecin. Remboursé par l'Assurance Maladie.",
  // --- The child's health exams
  "examen-8-jours.title": "Examen de santé des 8 premiers jours",
  "examen-2e-semaine.title": "Examen de santé de la 2e semaine",
  "examen-mois.title": "Examen de santé du {month}e mois",
  "examen-16-18-mois.title": "Examen de santé entre 16 et 18 mois",
  "examen-24-25-mois.title": "Examen de santé du 24e ou 25e mois",
  "examen-3e-annee.title": "Examen de santé de la 3e année",
  "examen-enfant.description.8-jours":
    "Premier examen complet de bébé, le plus souvent fait à la maternité : poids, réflexes, dépistages du nouveau-né. Apportez le carnet de santé (le médecin y remplit le certificat de santé). Pris en charge à 100 % par l'Assurance Maladie, gratuit à la PMI.",
  "examen-enfant.description":
    "Examen obligatoire chez le médecin, le pédiatre ou à la PMI : croissance, développement, vue, audition et vaccins. Apportez le carnet de santé, et notez vos questions. Pris en charge à 100 % par l'Assurance Maladie, gratuit à la PMI.",
  "examen-enfant.description.developpement":
    "Examen obligatoire chez le médecin, le pédiatre ou à la PMI : croissance, développement, vue, audition et vaccins. Apportez le carnet de santé et, si vous l'avez fait, le résumé du repérage des repères de développement de son âge (« Son développement »), et notez vos questions. Pris en charge à 100 % par l'Assurance Maladie, gratuit à la PMI.",
  "examen-enfant.description.certificat-developpement":
    "Examen obligatoire chez le médecin, le pédiatre ou à la PMI : croissance, développement, vue, audition et vaccins. Apportez le carnet de santé (le médecin y remplit le certificat de santé) et, si vous l'avez fait, le résumé du repérage des repères de développement de son âge (« Son développement »). Pris en charge à 100 % par l'Assurance Maladie, gratuit à la PMI.",
  // --- The development check
  "reperage-developpement.title": "Faire le point sur son développement (de {from} à {to} mois)",
  "reperage-developpement.description":
    "Les repères de la grille officielle de repérage pour son âge, une question par écran, oui / non / je ne sais pas. Ce n'est pas un diagnostic : le résumé se montre au médecin. Rien n'est envoyé.",
  "reperage-developpement.description.age-corrige":
    "Les repères de la grille officielle de repérage pour son âge (âge corrigé : il est né prématuré), une question par écran, oui / non / je ne sais pas. Ce n'est pas un diagnostic : le résumé se montre au médecin. Rien n'est envoyé.",
  // --- Vaccines
  "vaccins-mois.title": "Vaccins de {months} mois",
  "vaccins-16-18-mois.title": "Vaccins de 16 à 18 mois",
  "vaccins.description":
    "Vaccins obligatoires : {vaccines}, à faire noter dans le carnet de santé. Remboursés par l'Assurance Maladie, le reste par votre mutuelle ; gratuits à la PMI.",
  "vaccins.description.acwy":
    "Vaccins obligatoires : {vaccines}, à faire noter dans le carnet de santé. Remboursés par l'Assurance Maladie, le reste par votre mutuelle ; gratuits à la PMI. Depuis 2025, le médecin utilise un vaccin contre les méningocoques A, C, W et Y : demandez-lui aussi le rattrapage contre le méningocoque B.",
  "vaccins.liste.2-mois": "« 6 en 1 » (diphtérie, tétanos, polio, coqueluche, Haemophilus b, hépatite B) et pneumocoque",
  "vaccins.liste.4-mois": "« 6 en 1 » (diphtérie, tétanos, polio, coqueluche, Haemophilus b, hépatite B) et pneumocoque, 2e dose",
  "vaccins.liste.11-mois": "rappels « 6 en 1 » (diphtérie, tétanos, polio, coqueluche, Haemophilus b, hépatite B) et pneumocoque",
  "vaccins.liste.16-18-mois": "rougeole-oreillons-rubéole, 2e dose",
  "vaccins.liste.2025-3-mois": "méningocoque B, 1re dose",
  "vaccins.liste.2025-5-mois": "méningocoque B, 2e dose",
  "vaccins.liste.2025-6-mois": "méningocoques A, C, W et Y, 1re dose",
  "vaccins.liste.2025-12-mois": "rougeole-oreillons-rubéole (1re dose), rappel méningocoques A, C, W et Y et rappel méningocoque B",
  "vaccins.liste.2018-5-mois": "méningocoque C, 1re dose",
  "vaccins.liste.2018-12-mois": "rougeole-oreillons-rubéole (1re dose) et méningocoque C, 2e dose",
  "vaccin-menb.title": "Vaccin méningocoque B de {months} mois (recommandé)",
  "vaccin-menb.description":
    "Vaccin recommandé, non obligatoire pour les enfants nés avant 2025 : méningocoque B, {dose}, contre une méningite rare mais grave. Apportez le carnet de santé. Remboursé par l'Assurance Maladie, gratuit à la PMI.",
  "vaccin-menb.dose-1": "1re dose",
  "vaccin-menb.dose-2": "2e dose",
  "vaccin-menb.rappel": "rappel",
  "vaccin-rotavirus.title": "Vaccin contre le rotavirus (recommandé)",
  "vaccin-rotavirus.description":
    "Un vaccin à boire, sans piqûre, contre les gastro-entérites graves du bébé : 2 ou 3 doses à partir de 2 mois, et la 1re doit être donnée avant 4 mois. Demandez-le au rendez-vous des 2 mois, avec le carnet de santé. Remboursé par l'Assurance Maladie.",
  "vaccin-bcg.title": "Vaccin BCG contre la tuberculose (recommandé)",
  "vaccin-bcg.description":
    "Recommandé pour votre enfant, idéalement au cours de son 2e mois (dès la maternité en Guyane, à Mayotte ou si une personne proche a eu la tuberculose). Apportez le carnet de santé ; la PMI et les centres de vaccination le font gratuitement.",
  // --- Leave
  "conge-maternite.title": "Congé maternité ({weeks} semaines)",
  "conge-maternite.description":
    "{duration} {birth} Prévenez votre employeur par écrit ; l'Assurance Maladie verse des indemnités journalières, sous conditions.",
  "conge-maternite.duree.rang-1-2":
    "Congé maternité de {weeks} semaines pour un 1er ou un 2e enfant : {prenatal} avant la date prévue d'accouchement et {postnatal} après.",
  "conge-maternite.duree.rang-3":
    "Congé maternité de {weeks} semaines à partir du 3e enfant : {prenatal} avant la date prévue d'accouchement et {postnatal} après.",
  "conge-maternite.duree.jumeaux":
    "Congé maternité de {weeks} semaines pour des jumeaux : {prenatal} avant la date prévue d'accouchement et {postnatal} après.",
  "conge-maternite.duree.triples":
    "Congé maternité de {weeks} semaines pour des triplés ou plus : {prenatal} avant la date prévue d'accouchement et {postnatal} après.",
  "conge-maternite.au-moins-8-semaines": "Vous devez arrêter au moins 8 semaines, dont 6 après la naissance.",
  "conge-maternite.naissance-tot": "Bébé est né avant la date prévue : les semaines non prises avant la naissance s'ajoutent après, vous ne perdez rien.",
  "conge-maternite.naissance-tot-hospitalisation":
    "Bébé est né tôt : les semaines non prises avant la naissance s'ajoutent après, plus {days, plural, one {# jour} other {# jours}} parce qu'il a été hospitalisé.",
  "conge-naissance-3-jours.title": "Congé de naissance du second parent (3 jours)",
  "conge-naissance-3-jours.description":
    "Si vous êtes salarié, 3 jours ouvrables de congé de naissance, à partir du jour de la naissance ou du premier jour ouvrable qui suit, au choix. Ils sont payés par votre employeur, qui ne peut pas vous faire travailler pendant ces jours.",
  "conge-paternite-4-jours.title": "Congé paternité : les 4 premiers jours, obligatoires",
  "conge-paternite-4-jours.description":
    "Les 4 premiers jours du congé de paternité et d'accueil de l'enfant suivent tout de suite le congé de naissance : avec lui, cela fait 7 jours à la maison. L'Assurance Maladie les indemnise, sous conditions : envoyez-lui l'acte de naissance.",
  "conge-paternite-suite.title": "Congé paternité : les {days} jours restants",
  "conge-paternite-suite.description":
    "Il vous reste {days} jours de congé de paternité (week-ends compris), à prendre d'un coup ou en 2 fois d'au moins 5 jours, avant les 6 mois de l'enfant. Prévenez votre employeur un mois avant chaque période ; l'Assurance Maladie les indemnise, sous conditions.",
  "conge-paternite-suite.description.multiple":
    "Il vous reste {days} jours de congé de paternité (week-ends compris) pour une naissance multiple, à prendre d'un coup ou en 2 fois d'au moins 5 jours, avant les 6 mois de l'enfant. Prévenez votre employeur un mois avant chaque période ; l'Assurance Maladie les indemnise, sous conditions.",
  "conge-naissance-2026-mere.title": "Congé supplémentaire de naissance (mère)",
  "conge-naissance-2026-mere.description": `Après le congé maternité, vous pouvez prendre 1 ou 2 mois de congé de naissance en plus, d'un bloc ou en 2 fois un mois, {when}. La Sécurité sociale verse 70 % du salaire net le 1er mois et 60 % le 2e, sur un salaire pris en compte jusqu'à ${CONGE_NAISSANCE_CEILING_2026} par mois. Prévenez votre employeur au moins un mois avant.`,
  "conge-naissance-2026-second-parent.title": "Congé supplémentaire de naissance (second parent)",
  "conge-naissance-2026-second-parent.description": `Après le congé paternité, vous pouvez prendre 1 ou 2 mois de congé de naissance en plus, d'un bloc ou en 2 fois un mois, {when}. La Sécurité sociale verse 70 % du salaire net le 1er mois et 60 % le 2e, sur un salaire pris en compte jusqu'à ${CONGE_NAISSANCE_CEILING_2026} par mois. Prévenez votre employeur au moins un mois avant, ou 15 jours avant s'il suit tout de suite votre congé paternité.`,
  "conge-naissance-2026.periode-transition": "entre le 1er juillet 2026 et le 31 mars 2027",
  "conge-naissance-2026.periode-9-mois": "dans les 9 mois qui suivent la naissance",
  // --- Labels of the calendar files (.ics)
  "type.suivi-medical": "Suivi médical",
  "type.demarche": "Démarche",
  "type.droit-conge": "Droit et congé",
  "type.vaccination": "Vaccination",
  "ics.obligatoire": "Obligatoire.",
  "ics.recommande": "Recommandé.",
  "ics.source": "Source : {publisher} – {url}",
  "ics.nom": "Mille Jours – mes rendez-vous",
} as const satisfies Record<string, string>;

export type CalendarTextKey = keyof typeof CALENDAR_TEXTS;

/** A text of the calendar: its key, and the values of its placeholders (a number, a name, or another text). */
export interface CalendarText {
  key: CalendarTextKey;
  values?: Readonly<Record<string, TemplateValue | CalendarText>>;
}

export function text(key: CalendarTextKey, values?: CalendarText["values"]): CalendarText {
  return values ? { key, values } : { key };
}

/** Templates of one language by key; a missing key means « not translated ». */
export type CalendarTemplates = Readonly<Record<string, string | null | undefined>>;

/**
 * The text in the language of `templates` (every key it uses, nested ones included, must be there), or null when
 * one is missing: the caller then shows the French text whole, never a sentence half in French.
 */
export function renderCalendarText(calendarText: CalendarText, templates: CalendarTemplates, lang: string): string | null {
  const template = templates[calendarText.key];
  if (!template) return null;
  const values: Record<string, TemplateValue> = {};
  for (const [name, value] of Object.entries(calendarText.values ?? {})) {
    if (typeof value !== "object") values[name] = value;
    else {
      const nested = renderCalendarText(value, templates, lang);
      if (nested === null) return null;
      values[name] = nested;
    }
  }
  return formatTemplate(template, values, lang);
}

/** The French text (the source: every key exists). */
export function frenchCalendarText(calendarText: CalendarText): string {
  return renderCalendarText(calendarText, CALENDAR_TEXTS, "fr")!;
}
