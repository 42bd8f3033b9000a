import { useState } from "react";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useLingui } from "@lingui/react/macro";
import { disableNotifications, enableNotifications, notificationsEnabled, notificationsSupported } from "./notifications.js";

/** The day's and next day's events announced when the app opens (computed on the device); hidden where unsupported. */
export function NotificationSetting() {
  const [enabled, setEnabled] = useState(notificationsEnabled);
  const [message, setMessage] = useState<string | null>(null);
  const { t } = useLingui();
  if (!notificationsSupported()) return null;
  async function toggle() {
    if (enabled) {
      disableNotifications();
      setEnabled(false);
      setMessage(t`Notifications désactivées.`);
    } else if (await enableNotifications()) {
      setEnabled(true);
      setMessage(t`Notifications activées : à l'ouverture de l'application, vous serez prévenu(e) des rendez-vous du jour et du lendemain.`);
    } else setMessage(t`Le navigateur n'a pas autorisé les notifications. Vous pouvez changer cela dans ses réglages.`);
  }
  return (
    <section aria-labelledby="notifications" className="fr-mt-5w">
      <h2 id="notifications">{t`Notifications`}</h2>
      <p className="fr-text--sm">
        {t`Calculées sur cet appareil à l'ouverture de l'application : rien ne passe par un serveur. Elles annoncent les événements du jour et du lendemain.`}
      </p>
      <Button priority="secondary" iconId="fr-icon-notification-3-line" nativeButtonProps={{ "aria-pressed": enabled }} onClick={() => void toggle()}>
        {enabled ? t`Désactiver les notifications` : t`Activer les notifications`}
      </Button>
      <p role="status" className="fr-text--sm fr-mt-1w">
        {message ?? ""}
      </p>
    </section>
  );
}
