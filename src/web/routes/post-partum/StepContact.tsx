import { useLingui } from "@lingui/react/macro";
import type { OrientationStep } from "../../../domain/epds/score.js";

/** The call and SMS buttons of a help step (the EPDS result's next steps, the help lines of the call-back pages). */
export function StepContact({ step }: { step: OrientationStep }) {
  const { t } = useLingui();
  const phone = step.phone ?? step.tel;
  return (
    <>
      {step.tel && (
        <a className="fr-btn fr-btn--sm fr-mr-1w fr-mt-1w" href={`tel:${step.tel}`}>
          {t`Appeler le ${phone}`}
        </a>
      )}
      {step.sms && (
        <a className="fr-btn fr-btn--sm fr-btn--secondary fr-mt-1w" href={`sms:${step.sms}`}>
          {t`Envoyer un SMS au ${step.sms}`}
        </a>
      )}
    </>
  );
}
