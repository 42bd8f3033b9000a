import { Trans, useLingui } from "@lingui/react/macro";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { activeLocale } from "../../i18n/i18n.js";
import { Page } from "../../components/Page.js";
import { QrCode } from "./QrCode.js";
import { entryPointTexts } from "./entry-point-texts.js";
import { ENTRY_POINTS, entryPath } from "./entry-points.js";
import "./print.css";

/**
 * `/professionnels/supports`: the short links of the official supports, and their QR codes as A4 posters. The posters
 * are printed in the page's language, and their QR code opens the app in that language (`/ar/d/salle-attente`).
 */
export function PostersPage() {
  const { t } = useLingui();
  const origin = window.location.origin;
  const { prefix } = activeLocale();
  return (
    <Page title={t`Supports officiels et affiches QR code`}>
      <div className="mj-no-print">
        <p className="fr-text--lead">
          {t`Un lien court et stable par support officiel, et son QR code à imprimer pour une salle d'attente : une affiche par page A4.`}
        </p>
        <p>
          {t`Les affiches s'impriment dans la langue de cette page, et leur QR code ouvre Mille Jours dans cette langue : choisissez la langue des familles en haut de page avant d'imprimer.`}
        </p>
        <div className="fr-table">
          <table>
            <caption>{t`Liens courts`}</caption>
            <thead>
              <tr>
                <th scope="col">{t`Support`}</th>
                <th scope="col">{t`Lien court`}</th>
                <th scope="col">{t`Ouvre`}</th>
              </tr>
            </thead>
            <tbody>
              {ENTRY_POINTS.map((e) => (
                <tr key={e.code}>
                  <td>{t(entryPointTexts[e.code].support)}</td>
                  <td>
                    {/* The official supports are printed by others, in French: their link has no language prefix. */}
                    <a href={entryPath(e.code)} dir="ltr">{`${origin}${entryPath(e.code)}`}</a>
                  </td>
                  <td>{t(entryPointTexts[e.code].title)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <Button type="button" iconId="fr-icon-printer-line" onClick={() => window.print()}>
          {t`Imprimer les affiches`}
        </Button>
      </div>
      <div className="mj-print-document mj-posters">
        {ENTRY_POINTS.map((e) => {
          const title = t(entryPointTexts[e.code].title);
          const link = `${origin}${entryPath(e.code, prefix)}`;
          return (
            <section key={e.code} className="mj-poster" aria-labelledby={`affiche-${e.code}`}>
              <p className="mj-poster-brand">{t`Mille Jours · les 1000 premiers jours de l'enfant`}</p>
              <h2 id={`affiche-${e.code}`}>{title}</h2>
              <p className="mj-poster-text">{t(entryPointTexts[e.code].text)}</p>
              <QrCode text={link} label={t`QR code de l'affiche « ${title} »`} size={240} />
              <p className="mj-poster-link">
                <Trans>
                  Scannez avec l'appareil photo de votre téléphone, ou tapez : <span dir="ltr">{link}</span>
                </Trans>
              </p>
            </section>
          );
        })}
      </div>
    </Page>
  );
}
