import { parseArgs } from "node:util";
import { checkNewAccount, checkNewPassword, ROLE_LABELS } from "../domain/steering/accounts.js";
import { addAccount, resetPassword } from "../server/steering/accounts/service.js";
import { AccountExistsError, findAccountByEmail } from "../server/steering/accounts/store.js";
import { openSteeringDatabase } from "./steering-db.js";

/**
 * Creates an account of the steering side (the first national administrator, or any account):
 *
 *   npm run admin:create -- --email prenom.nom@sante.gouv.fr [--nom "Prénom Nom"]
 *                           [--role national|regional|observer|departemental] [--service ars|dreets] [--region 84]
 *                           [--departement 69]   (role departemental: a département's call-back service)
 *   npm run admin:create -- --email … --reinitialiser      (new password for an existing account)
 *
 * The password is never an argument (it would stay in the shell history and in `ps`): it is typed twice at
 * a hidden prompt, or read from the first line of standard input when it is not a terminal
 * (`printf '%s\n' "$MOT_DE_PASSE" | npm run admin:create -- --email …`).
 * Database: DATABASE_URL, else PGlite in DATA_DIR (default var/) — with PGlite, refused while the server runs.
 */
const USAGE =
  'Usage : npm run admin:create -- --email adresse@exemple.fr [--nom "Prénom Nom"] [--role national|regional|observer|departemental] [--service ars|dreets] [--region 84] [--departement 69] [--reinitialiser]\n' +
  "Le mot de passe est saisi deux fois (masqué), ou lu sur la première ligne de l'entrée standard ; jamais en argument.";

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

async function promptHidden(question: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(question);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding("utf8");
  return new Promise((resolve, reject) => {
    let value = "";
    const done = () => {
      stdin.off("data", onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write("\n");
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === "\r" || ch === "\n") return (done(), resolve(value));
        if (ch === "\u0003" || ch === "\u0004") return (done(), reject(new Error("Saisie interrompue.")));
        if (ch === "\u007f" || ch === "\b") value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on("data", onData);
  });
}

async function readPassword(email: string): Promise<string> {
  if (process.stdin.isTTY) {
    const first = await promptHidden(`Mot de passe pour ${email} (12 caractères au moins) : `);
    const weak = checkNewPassword(first, email);
    if (weak) fail(weak);
    const second = await promptHidden("Le même mot de passe, encore une fois : ");
    if (first !== second) fail("Les deux saisies diffèrent : rien n'est enregistré.");
    return first;
  }
  let text = "";
  process.stdin.setEncoding("utf8");
  for await (const chunk of process.stdin) text += chunk as string;
  const line = text.split(/\r?\n/)[0] ?? "";
  if (line === "") fail("Aucun mot de passe sur l'entrée standard.");
  return line;
}

const raw = process.argv.slice(2).filter((a) => a !== "--");
if (raw.some((a) => /^--?(password|mot-de-passe|mdp)(=|$)/i.test(a)))
  fail("Le mot de passe ne se donne pas en argument (il resterait dans l'historique du terminal) : il est demandé, ou lu sur l'entrée standard.");
let args;
try {
  args = parseArgs({
    args: raw,
    options: {
      email: { type: "string" },
      nom: { type: "string" },
      role: { type: "string", default: "national" },
      service: { type: "string" },
      region: { type: "string" },
      departement: { type: "string" },
      reinitialiser: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
  }).values;
} catch (error) {
  fail(`${(error as Error).message}\n${USAGE}`);
}
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}
if (!args.email) fail(USAGE);

const db = await openSteeringDatabase();
try {
  if (args.reinitialiser) {
    const account = await findAccountByEmail(db, args.email);
    if (!account) fail(`Aucun compte pour ${args.email}.`);
    const password = await readPassword(args.email);
    const weak = checkNewPassword(password, args.email);
    if (weak) fail(weak);
    await resetPassword(db, account, password, new Date());
    console.log(`Nouveau mot de passe enregistré pour ${account.email} ; ses sessions sont fermées et son verrouillage levé.`);
  } else {
    const password = await readPassword(args.email);
    const checked = checkNewAccount({
      email: args.email,
      displayName: args.nom ?? args.email.split("@")[0]!,
      role: args.role,
      agency: args.service ?? null,
      region: args.region ?? null,
      departement: args.departement ?? null,
      password,
    });
    if (!checked.ok) fail(checked.errors.map((e) => `${e.field} : ${e.message}`).join("\n"));
    const account = await addAccount(db, checked.account, new Date());
    const where = account.region ? `, région ${account.region}` : account.departement ? `, département ${account.departement}` : "";
    const agency = account.agency ? ` (${account.agency.toUpperCase()})` : "";
    console.log(`Compte créé : ${account.email} — ${ROLE_LABELS[account.role]}${agency}${where}.`);
  }
} catch (error) {
  if (error instanceof AccountExistsError) fail(`${error.message} Pour changer son mot de passe : --reinitialiser.`);
  throw error;
} finally {
  await db.close();
}
