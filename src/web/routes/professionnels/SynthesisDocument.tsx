import type { RefObject } from "react";
import { i18n } from "@lingui/core";
import { useLingui } from "@lingui/react/macro";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { formatDate } from "../../i18n/format.js";
import { FamilyLanguage, useFamilyLanguage } from "./FamilyLanguage.js";
import { interviewTitles } from "./interview-texts.js";
import { fitsInLink, handoverUrl } from "../../../domain/handover/link.js";
import type { Synthesis } from "../../../domain/handover/synthesis.js";
import { HandoverQr } from "./HandoverQr.js";
import { SynthesisBody } from "./SynthesisBody.js";

export function SynthesisDocument({ synthesis, headingRef }: { synthesis: Synthesis; headingRef: RefObject<HTMLHeadingElement | null> }) {
  const { t } = useLingui();
  const [language, setLanguage] = useFamilyLanguage();
  const handover = { kind: "synthesis", synthesis } as const;
  const fits = fitsInLink(handover);
  const url = fits ? handoverUrl(`${window.location.origin}${language.prefix}`, handover) : null;
  const interview = t(interviewTitles[synthesis.interview]).toLocaleLowerCase(i18n.locales?.[0] ?? i18n.locale);
  const day = formatDate(synthesis.date);
  return (
    <section className="mj-print-document fr-mt-5w" aria-labelledby="synthese-titre">
      <div className="mj-no-print fr-mb-3w">
        <FamilyLanguage language={language} onChange={setLanguage} />
        <Button type="button" iconId="fr-icon-printer-line" onClick={() => window.print()}>
          {t`Imprimer la synthèse`}
        </Button>
      </div>
      <h2 id="synthese-titre" ref={headingRef} tabIndex={-1}>
        {t`Synthèse de votre ${interview}`}
      </h2>
      <p className="mj-print-meta">{t`Entretien du ${day}. Ce document vous appartient : vous choisissez à qui le montrer.`}</p>
      {url ? (
        <div className="mj-print-handover">
          <HandoverQr url={url} label={t`QR code de la synthèse, à scanner avec le téléphone du parent`} />
          <div>
            <h3 className="fr-h6 fr-mb-1w">{t`Sur votre téléphone`}</h3>
            <p className="fr-text--sm fr-mb-1w">
              {t`Scannez ce code : Mille Jours vous montre la synthèse et vous demande de confirmer avant de la garder sur votre téléphone, avec vos prochains rendez-vous dans votre calendrier.`}
            </p>
            <p className="fr-text--xs mj-link-text" dir="ltr">
              {url}
            </p>
          </div>
        </div>
      ) : (
        <Alert
          className="mj-no-print fr-mb-3w"
          severity="warning"
          small
          description={t`Cette synthèse est trop longue pour tenir dans un QR code lisible par un téléphone : raccourcissez un peu les textes, ou imprimez-la.`}
        />
      )}
      <SynthesisBody synthesis={synthesis} />
    </section>
  );
}
