/**
 * Who may read and change which projects of the steering side (docs/steering.md, « Comptes et rôles »):
 * the national administration reads and edits every region; a regional agent (ARS or DREETS) edits the
 * projects of their own region; an observer only reads (their region, or the whole country); a
 * département's call-back service never reaches the projects. One definition, used by the server's checks
 * and by the pages that show or hide the edit buttons.
 */
export type SteeringRole = "national" | "regional" | "observer" | "departemental";

/** The part of an account these rules read. */
export interface AccessAccount {
  role: SteeringRole;
  region: string | null;
}

/** Whether the account may create or change projects at all (in some region). */
export function canWrite(account: AccessAccount): boolean {
  return account.role === "national" || account.role === "regional";
}

/** Whether the account may change projects of this region. */
export function canWriteRegion(account: AccessAccount, region: string): boolean {
  return account.role === "national" || (account.role === "regional" && account.region === region);
}

/** No region: what a département's call-back account gets, so it never reads « all regions » by mistake. */
export const NO_REGION = "—";

/** What an account may read: null for the whole country, else one region. */
export function readScope(account: AccessAccount): string | null {
  if (account.role === "departemental") return NO_REGION;
  return account.role === "national" ? null : account.region;
}
