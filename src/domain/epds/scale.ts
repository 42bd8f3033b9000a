/**
 * The EPDS's fixed shape (Cox, Holden & Sagovsky 1987): 10 items of 4 answers worth 0 to 3 points. Without zod, so
 * that scoring (`score.ts`, on the parent's page) does not load the file schema (`schema.ts`) (issue 19).
 */
export const EPDS_ITEM_COUNT = 10;
export const EPDS_OPTIONS_PER_ITEM = 4;
export const EPDS_MAX_POINTS_PER_ITEM = 3;
/** The item about self-harm ("The thought of harming myself has occurred to me"). */
export const EPDS_SAFETY_ITEM = 10;
