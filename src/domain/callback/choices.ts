/**
 * What a parent chooses in a call-back request: the moments to be called, and the EPDS bands that may be shared. Their
 * own module, without zod, so that the request's page does not load the contract's schemas with its first screen
 * (issue 19); the contract (`contract.ts`) builds its schemas from them and re-exports them.
 */
export const MOMENTS = ["matin", "midi", "apres-midi", "soir"] as const;
export type Moment = (typeof MOMENTS)[number];
export const MOMENT_LABELS: Record<Moment, string> = { matin: "Le matin", midi: "Le midi", "apres-midi": "L'après-midi", soir: "En début de soirée" };

/** Only the band of the EPDS result and its date may be shared, never the answers (ids of src/domain/epds/score.ts). */
export const SHARED_BANDS = ["faible", "a-surveiller", "eleve"] as const;
