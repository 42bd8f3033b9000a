import { useRef, useState, type FormEvent } from "react";
import { Link } from "react-router";
import { useLingui } from "@lingui/react/macro";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { emptyFamilyDates, profileFromFamilyDates, type FamilyDates } from "../../../domain/handover/family.js";
import type { FieldError, Profile } from "../../../domain/profile/profile.js";
import { Page } from "../../components/Page.js";
import { ErrorSummary } from "../../components/ErrorSummary.js";
import { useParent } from "../../state/parent.js";
import { FamilyForm } from "./FamilyForm.js";
import { FamilyCalendarDocument } from "./FamilyCalendarDocument.js";
import "./print.css";

/**
 * `/professionnels/calendrier`: a professional enters a family's dates and gets the family's calendar (the
 * app's own rules), to print or to hand over by QR code. Held in this page's memory only: nothing is saved,
 * on this device or on a server.
 */
export function CalendarHandoverPage() {
  const { t } = useLingui();
  const { today } = useParent("today");
  const [family, setFamily] = useState<FamilyDates>(emptyFamilyDates);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [shown, setShown] = useState<{ family: FamilyDates; profile: Profile } | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    const result = profileFromFamilyDates(family, today);
    if (!result.ok) {
      setErrors(result.errors);
      setShown(null);
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setErrors([]);
    setShown({ family, profile: result.profile });
    requestAnimationFrame(() => resultRef.current?.focus());
  }

  return (
    <Page title={t`Remettre le calendrier d'une famille`}>
      <div className="mj-no-print">
        <p className="fr-text--lead">
          {t`Saisissez les dates de la famille : vous obtenez son calendrier des 1000 premiers jours, à imprimer ou à lui remettre par QR code.`}
        </p>
        <p>
          {t`Rien n'est enregistré, ni sur cet appareil ni sur nos serveurs. Dans le lien et le QR code, les dates sont placées après le signe « # » : les navigateurs n'envoient jamais cette partie au serveur. Le parent voit ce qui sera enregistré sur son téléphone et confirme.`}
        </p>
        <form onSubmit={submit} noValidate>
          <ErrorSummary errors={errors} summaryRef={summaryRef} />
          <FamilyForm family={family} onChange={setFamily} errors={errors} today={today} />
          <Button type="submit" iconId="fr-icon-calendar-line" iconPosition="right">
            {t`Voir le calendrier de la famille`}
          </Button>
        </form>
      </div>
      {shown && (
        <FamilyCalendarDocument key={JSON.stringify(shown.family)} family={shown.family} profile={shown.profile} today={today} headingRef={resultRef} />
      )}
      <p className="fr-mt-4w mj-no-print">
        <Link to="/professionnels">{t`Retour à l'espace professionnels`}</Link>
      </p>
    </Page>
  );
}
