import type { z } from "zod";
import type { Account, accountPatchSchema } from "../../../domain/api/steering.js";
import { ForbiddenError, NotFoundError, UnprocessableError } from "../../../domain/errors.js";
import { checkNewAccount, checkNewPassword, type CheckedAccount } from "../../../domain/steering/accounts.js";
import type { Queryable } from "../../db/database.js";
import { writeAudit } from "../audit.js";
import type { SteeringContext } from "../context.js";
import { DEFAULT_SCRYPT, hashPassword, type ScryptParams } from "../password.js";
import { deleteAccountSessions } from "../session/store.js";
import { accountKey, clearFailures } from "../session/throttle.js";
import { findAccountById, insertAccount, publicAccount, setAccountActive, setPasswordHash } from "./store.js";

/**
 * The use cases of the back office's accounts: creating one (the national administration, the command line
 * src/cli/admin-create.ts, the tests and benches), a new password, activation, with their audit entries. The rules
 * of an account are in src/domain/steering/accounts.ts; refusals are typed errors (src/domain/errors.ts).
 */

/** Creates an account already checked by {@link checkNewAccount}, with its password hashed. Throws AccountExistsError for a taken e-mail. */
export async function addAccount(db: Queryable, account: CheckedAccount, now: Date, scrypt: ScryptParams = DEFAULT_SCRYPT): Promise<Account> {
  const { password, ...fields } = account;
  return insertAccount(db, fields, await hashPassword(password, scrypt), now);
}

/** Sets a new password (already checked), unlocks the account and ends all its sessions. */
export async function resetPassword(
  db: Queryable,
  account: Pick<Account, "id" | "email">,
  password: string,
  now: Date,
  scrypt: ScryptParams = DEFAULT_SCRYPT,
): Promise<void> {
  await setPasswordHash(db, account.id, await hashPassword(password, scrypt), now);
  await deleteAccountSessions(db, account.id);
  await clearFailures(db, accountKey(account.email));
}

/** Creates an account (national administration) and writes it in the audit journal. */
export async function createAccount(ctx: SteeringContext, actor: Account, input: unknown): Promise<Account> {
  const checked = checkNewAccount(input);
  if (!checked.ok) throw UnprocessableError.forFields(checked.errors, "Compte invalide");
  // A taken e-mail is refused by the store (AccountExistsError, 409 « Compte existant »).
  const created = await addAccount(ctx.db, checked.account, ctx.now(), ctx.scrypt);
  await writeAudit(ctx.db, { at: ctx.now(), actor, action: "compte.creation", after: created });
  return created;
}

/**
 * Activates or deactivates an account, or gives it a new password (national administration); deactivating ends its
 * sessions, and nobody deactivates their own account. Written in the audit journal with the state before and after.
 */
export async function updateAccount(ctx: SteeringContext, actor: Account, id: string, change: z.output<typeof accountPatchSchema>): Promise<Account> {
  const target = await findAccountById(ctx.db, id);
  if (!target) throw new NotFoundError("Aucun compte ne porte cet identifiant.");
  if (target.id === actor.id && change.active === false) throw new ForbiddenError("Vous ne pouvez pas désactiver votre propre compte.");
  if (change.password !== undefined) {
    const weak = checkNewPassword(change.password, target.email);
    if (weak) throw UnprocessableError.forFields([{ field: "password", message: weak }]);
    await resetPassword(ctx.db, target, change.password, ctx.now(), ctx.scrypt);
  }
  if (change.active !== undefined) {
    await setAccountActive(ctx.db, target.id, change.active);
    if (!change.active) await deleteAccountSessions(ctx.db, target.id);
  }
  const after = publicAccount((await findAccountById(ctx.db, target.id))!);
  await writeAudit(ctx.db, {
    at: ctx.now(),
    actor,
    action: change.password !== undefined ? "compte.mot-de-passe" : "compte.modification",
    before: publicAccount(target),
    after,
  });
  return after;
}
