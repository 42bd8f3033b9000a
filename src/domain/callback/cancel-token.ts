/**
 * The header that carries a call-back request's cancel token (`DELETE /api/v1/rappel/demandes/:id`). Its own module,
 * without zod, so that the parent's pages that only cancel do not load the contract's schemas (issue 19).
 */
export const CANCEL_TOKEN_HEADER = "x-cancel-token";
