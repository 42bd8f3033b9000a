import { Link } from "react-router";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Page } from "../../components/Page.js";
import { QrCode } from "./QrCode.js";
import { ENTRY_POINTS, entryPath } from "./entry-points.js";
import "./print.css";

/** `/professionnels/supports`: the short links of the official supports, and their QR codes as A4 posters. */
export function PostersPage() {
  const origin = window.location.origin;
  return (
    <Page title="Supports officiels et affiches QR code">
      <div className="mj-no-print">
        <p className="fr-text--lead">
          Un lien court et stable par support officiel, et son QR code à imprimer pour une salle d'attente : une affiche par page A4.
        </p>
        <div className="fr-table">
          <table>
            <caption>Liens courts</caption>
            <thead>
              <tr>
                <th scope="col">Support</th>
                <th scope="col">Lien court</th>
                <th scope="col">Ouvre</th>
              </tr>
            </thead>
            <tbody>
              {ENTRY_POINTS.map((e) => (
                <tr key={e.code}>
                  <td>{e.support}</td>
                  <td>
                    <Link to={entryPath(e.code)}>{`${origin}${entryPath(e.code)}`}</Link>
                  </td>
                  <td>{e.poster.title}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <Button type="button" iconId="fr-icon-printer-line" onClick={() => window.print()}>
          Imprimer les affiches
        </Button>
      </div>
      <div className="mj-print-document mj-posters">
        {ENTRY_POINTS.map((e) => (
          <section key={e.code} className="mj-poster" aria-labelledby={`affiche-${e.code}`}>
            <p className="mj-poster-brand">Mille Jours · les 1000 premiers jours de l'enfant</p>
            <h2 id={`affiche-${e.code}`}>{e.poster.title}</h2>
            <p className="mj-poster-text">{e.poster.text}</p>
            <QrCode text={`${origin}${entryPath(e.code)}`} label={`QR code de l'affiche « ${e.poster.title} »`} size={240} />
            <p className="mj-poster-link">Scannez avec l'appareil photo de votre téléphone, ou tapez : {`${origin}${entryPath(e.code)}`}</p>
          </section>
        ))}
      </div>
    </Page>
  );
}
