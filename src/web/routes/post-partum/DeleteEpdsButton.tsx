import { useLingui } from "@lingui/react/macro";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { formatDate } from "../../i18n/format.js";
import { useParent } from "../../state/parent.js";

/** Deletes one saved result from the device; its date is read out to screen readers. */
export function DeleteEpdsButton({ id, date }: { id: string; date: string }) {
  const { deleteEpds } = useParent("deleteEpds");
  const { t } = useLingui();
  const day = formatDate(date);
  return (
    <Button size="small" priority="tertiary" iconId="fr-icon-delete-line" onClick={() => void deleteEpds(id)}>
      {t`Supprimer`}
      <span className="fr-sr-only"> {t`le résultat du ${day}`}</span>
    </Button>
  );
}
