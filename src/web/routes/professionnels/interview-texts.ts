import type { MessageDescriptor } from "@lingui/core";
import { i18n } from "@lingui/core";
import { msg } from "@lingui/core/macro";
import type { InterviewKind } from "../../../domain/interviews/themes.js";

/**
 * The words of the interviews that reach the parent (the synthesis: its title, the themes discussed) in the
 * interface's language; the French is the domain's (src/domain/interviews/themes.ts). The professional's guide itself
 * (when, what to ask, sources) stays in French: it quotes the HAS and CNSF recommendations for professionals working in
 * French (docs/langues.md). The private themes (violence) never reach the synthesis and have no message here.
 */
export const interviewTitles: Readonly<Record<InterviewKind, MessageDescriptor>> = {
  epp: msg`Entretien prénatal précoce`,
  epnp: msg`Entretien postnatal précoce`,
};

const themes: Readonly<Record<InterviewKind, Readonly<Record<string, MessageDescriptor>>>> = {
  epp: {
    sante: msg`La santé globale`,
    suivi: msg`Le suivi de grossesse et le projet de naissance`,
    informations: msg`Les questions et les besoins d'information`,
    parentalite: msg`Devenir parent`,
    entourage: msg`L'entourage et le couple`,
    conditions: msg`Les conditions de vie`,
    psychique: msg`La santé psychique`,
    addictions: msg`Tabac, alcool et autres produits`,
    "apres-naissance": msg`Préparer l'après-naissance`,
    orientation: msg`Les professionnels et lieux proches`,
  },
  epnp: {
    vecu: msg`Le vécu de la naissance et des semaines qui ont suivi`,
    sante: msg`La santé physique et psychique`,
    addictions: msg`Tabac, alcool et autres produits`,
    bebe: msg`Le bébé et les échanges avec lui`,
    rythmes: msg`Rythmes, sommeil et pleurs`,
    alimentation: msg`L'alimentation du bébé et l'allaitement`,
    couple: msg`Le couple et le co-parent`,
    besoins: msg`Les besoins et la suite`,
  },
};

/** A theme's title in the active language; `fallback` (the domain's French) for a theme without a message. */
export function themeText(interview: InterviewKind, id: string, fallback: string): string {
  const message = themes[interview][id];
  return message ? i18n._(message) : fallback;
}
