import { useLingui } from "@lingui/react/macro";
import { Page } from "../../components/Page.js";
import { ContentGate } from "../../components/ContentGate.js";
import { useParent } from "../../state/parent.js";
import { shared } from "../../i18n/messages.js";
import { ProfileForm } from "./ProfileForm.js";

/** Onboarding and profile edition: one form, no account, saved on the device only. */
export function ProfilePage() {
  const { profile, loaded } = useParent("profile", "loaded");
  const { t } = useLingui();
  return (
    <Page title={profile ? t(shared.profile) : t`Faisons connaissance`}>
      <p className="fr-text--lead">{t`Quelques questions pour vous montrer ce qui compte pour vous, maintenant. Pas de compte : vos réponses restent sur cet appareil.`}</p>
      <ContentGate>{({ bundle }) => (loaded ? <ProfileForm key={profile ? "edit" : "new"} situations={bundle.situations} /> : null)}</ContentGate>
    </Page>
  );
}
