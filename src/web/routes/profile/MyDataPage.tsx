import { useRef, useState, type ChangeEvent } from "react";
import { Trans, useLingui } from "@lingui/react/macro";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import type { Backup, BackupReadResult } from "../../../domain/profile/backup.js";
import { makeBackup } from "../../../domain/profile/backup-format.js";
import { domainErrorText } from "../../i18n/domain-messages.js";
import { Page } from "../../components/Page.js";
import { useParent } from "../../state/parent.js";
import { downloadFile } from "../../components/download.js";
import { forgetAllSentCallbacks, loadSentCallbacks } from "../../storage/callback-requests.js";
import { formatShortDate } from "../../i18n/format.js";

type Message = { severity: "success" | "error"; text: string } | null;

/**
 * The backup's schemas (and zod) come with the first file chosen to import, not with the page (issue 19); offline, the
 * service worker has them. Exporting needs only backup-format.ts.
 */
const backupModule = () => import("../../../domain/profile/backup.js");

/** Export, import and erase the parent's data; says plainly where the data lives. */
export function MyDataPage() {
  const { profile, marks, epdsHistory, developmentHistory, appointments, replaceAll, dataset, today } = useParent(
    "profile",
    "marks",
    "epdsHistory",
    "developmentHistory",
    "appointments",
    "replaceAll",
    "dataset",
    "today",
  );
  const [message, setMessage] = useState<Message>(null);
  const [pending, setPending] = useState<Backup | null>(null);
  const [confirmErase, setConfirmErase] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const { t } = useLingui();
  // Said after every import error: an import lands whole or not at all.
  const NOTHING_CHANGED = t`Aucune donnée n'a été modifiée.`;

  function exportData() {
    const backup = makeBackup(dataset(), new Date());
    downloadFile(JSON.stringify(backup, null, 2), "application/json", `mille-jours-sauvegarde-${today}.json`);
    setMessage({ severity: "success", text: t`Le fichier de sauvegarde a été téléchargé. Gardez-le en lieu sûr : il contient vos dates.` });
  }

  async function chooseFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = "";
    setPending(null);
    if (!file) return;
    if (file.size > 5_000_000) {
      setMessage({ severity: "error", text: `${t`Ce fichier est trop gros pour être une sauvegarde Mille Jours.`} ${NOTHING_CHANGED}` });
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch {
      setMessage({ severity: "error", text: `${t`Ce fichier n'a pas pu être lu.`} ${NOTHING_CHANGED}` });
      return;
    }
    let readBackup: (text: string) => BackupReadResult;
    try {
      ({ readBackup } = await backupModule());
    } catch {
      setMessage({ severity: "error", text: `${t`Ce fichier n'a pas pu être lu.`} ${NOTHING_CHANGED}` });
      return;
    }
    const result = readBackup(text);
    if (!result.ok) setMessage({ severity: "error", text: domainErrorText(result) });
    else {
      setMessage(null);
      setPending(result.backup);
    }
  }

  async function applyImport() {
    if (!pending) return;
    try {
      await replaceAll(pending);
      setMessage({ severity: "success", text: t`Vos données ont été importées sur cet appareil.` });
    } catch {
      setMessage({ severity: "error", text: `${t`L'import a échoué : vos données précédentes sont intactes.`} ${NOTHING_CHANGED}` });
    }
    setPending(null);
  }

  const pendingCallbacks = confirmErase ? loadSentCallbacks().length : 0;

  async function eraseAll() {
    await replaceAll({ profile: null, marks: [], epds: [], development: [], appointments: [], calendarDone: [] });
    forgetAllSentCallbacks();
    setConfirmErase(false);
    setMessage({ severity: "success", text: t`Toutes vos données ont été effacées de cet appareil.` });
  }

  return (
    <Page title={t`Mes données`}>
      <p className="fr-text--lead">
        <Trans>
          Vos informations (situation, dates, articles lus et favoris, résultats du questionnaire post-partum et des repérages du développement, rendez-vous du
          calendrier) sont enregistrées <strong>uniquement sur cet appareil</strong>, dans votre navigateur. Elles ne sont envoyées à aucun serveur, et aucun
          outil de mesure d'audience n'est utilisé. Seule exception, si vous la choisissez : une demande de rappel après le questionnaire post-partum envoie au
          service qui vous rappellera ce que vous y écrivez (prénom ou pseudonyme, téléphone, moments, commune, et le niveau de votre résultat seulement si vous
          le cochez).
        </Trans>
      </p>
      <div aria-live="polite">{message && <Alert severity={message.severity} small description={message.text} className="fr-mb-3w" />}</div>

      <h2>{t`Changer d'appareil`}</h2>
      <p>{t`Téléchargez une sauvegarde, puis importez-la sur votre autre appareil.`}</p>
      <div className="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left">
        <Button
          iconId="fr-icon-download-line"
          onClick={exportData}
          disabled={!profile && marks.size === 0 && epdsHistory.length === 0 && developmentHistory.length === 0 && appointments.length === 0}
        >
          {t`Télécharger ma sauvegarde`}
        </Button>
        <Button iconId="fr-icon-upload-line" priority="secondary" onClick={() => fileInput.current?.click()}>
          {t`Importer une sauvegarde`}
        </Button>
      </div>
      <input
        ref={fileInput}
        type="file"
        accept="application/json,.json"
        className="fr-sr-only"
        aria-label={t`Fichier de sauvegarde Mille Jours`}
        tabIndex={-1}
        onChange={chooseFile}
      />
      {pending && (
        <Alert
          as="h2"
          severity="warning"
          title={t`Remplacer vos données ?`}
          className="fr-mt-3w"
          description={
            <>
              <p>
                {t`Cette sauvegarde du ${formatShortDate(new Date(pending.exportedAt))} remplacera les données de cet appareil (${pending.profile ? t`un profil` : t`aucun profil`}, ${pending.marks.length} article(s) lus ou favoris, ${pending.epds.length} résultat(s) de questionnaire, ${pending.development.length} repérage(s) du développement, ${pending.appointments.length} rendez-vous personnel(s)).`}
              </p>
              <div className="fr-btns-group fr-btns-group--inline-sm">
                <Button onClick={() => void applyImport()}>{t`Remplacer mes données`}</Button>
                <Button priority="secondary" onClick={() => setPending(null)}>
                  {t`Annuler`}
                </Button>
              </div>
            </>
          }
        />
      )}

      <h2 className="fr-mt-5w">{t`Tout effacer`}</h2>
      <p>
        <Trans>
          Efface de cet appareil votre profil et vos dates, vos articles lus et favoris, vos résultats de questionnaire et de repérage du développement, vos{" "}
          <strong>rendez-vous personnels</strong> ajoutés au calendrier et les événements marqués faits ou masqués. C'est définitif : téléchargez d'abord une
          sauvegarde si vous voulez les garder.
        </Trans>
      </p>
      {!confirmErase ? (
        <Button priority="secondary" iconId="fr-icon-delete-line" onClick={() => setConfirmErase(true)}>
          {t`Effacer toutes mes données`}
        </Button>
      ) : (
        <Alert
          as="h2"
          severity="warning"
          title={t`Confirmer l'effacement`}
          description={
            <>
              <p>
                {t`Toutes vos données seront effacées de cet appareil, y compris vos ${appointments.length} rendez-vous personnel(s) et vos ${epdsHistory.length} résultat(s) de questionnaire.`}
              </p>
              {pendingCallbacks > 0 && (
                <p>
                  {t`Vous avez ${pendingCallbacks} demande(s) de rappel en cours : après l'effacement, vous ne pourrez plus les annuler depuis cet appareil. Si vous voulez les annuler, faites-le d'abord depuis la page Post-partum.`}
                </p>
              )}
              <div className="fr-btns-group fr-btns-group--inline-sm">
                <Button onClick={() => void eraseAll()}>{t`Oui, tout effacer`}</Button>
                <Button priority="secondary" onClick={() => setConfirmErase(false)}>
                  {t`Annuler`}
                </Button>
              </div>
            </>
          }
        />
      )}

      <h2 id="licences" className="fr-mt-5w">
        {t`Licences et sources`}
      </h2>
      <p>
        {t`Le code de Mille Jours est libre (licence Apache-2.0). Les articles sont écrits par l'équipe à partir de sources officielles citées sous chacun d'eux, et publiés sous Licence Ouverte 2.0. Chaque article indique sa date de relecture.`}
      </p>
      <h3 id="credits" className="fr-h6">
        {t`Crédits des pictogrammes`}
      </h3>
      <ul>
        <li>{t`Pictogrammes du Système de design de l'État (DSFR 1.14), licence MIT, réservés aux services de l'État.`}</li>
        {/* eslint-disable lingui/no-unlocalized-strings -- OpenMoji's attribution, in the English words its project asks for */}
        <li lang="en">
          All emojis designed by{" "}
          <a href="https://openmoji.org/" target="_blank" rel="noopener noreferrer" title={t`OpenMoji – nouvelle fenêtre`}>
            OpenMoji
          </a>{" "}
          – the open-source emoji and icon project. License:{" "}
          <a href="https://creativecommons.org/licenses/by-sa/4.0/" target="_blank" rel="noopener noreferrer" title={t`CC BY-SA 4.0 – nouvelle fenêtre`}>
            CC BY-SA 4.0
          </a>
        </li>
        {/* eslint-enable lingui/no-unlocalized-strings */}
      </ul>
    </Page>
  );
}
