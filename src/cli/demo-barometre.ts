import { DEMO_SOURCE, loadDemoBarometer, RealDataPresentError, removeDemoBarometer } from "../server/steering/barometer/index.js";
import { openSteeringDatabase } from "./steering-db.js";

/**
 * Loads (or, with --retirer, removes) a FICTITIOUS barometer set, for a demonstration only:
 *   npm run demo:barometre            adds the set (refused if real values are loaded)
 *   npm run demo:barometre -- --retirer
 * The values are flagged `fictitious` in the database; every page that shows them carries a
 * « données fictives » banner. Loading a real file removes them.
 */
const remove = process.argv.includes("--retirer");
const db = await openSteeringDatabase();
try {
  if (remove) {
    const n = await db.transaction((tx) => removeDemoBarometer(tx));
    console.log(n > 0 ? `Jeu fictif retiré (${n} valeurs).` : "Aucun jeu fictif n'était chargé.");
  } else {
    const n = await db.transaction((tx) => loadDemoBarometer(tx, new Date()));
    console.log(`${n} valeurs FICTIVES chargées. Source affichée : « ${DEMO_SOURCE} »\nPour les retirer : npm run demo:barometre -- --retirer`);
  }
} catch (error) {
  if (error instanceof RealDataPresentError) {
    console.error(error.message);
    process.exitCode = 1;
  } else throw error;
} finally {
  await db.close();
}
