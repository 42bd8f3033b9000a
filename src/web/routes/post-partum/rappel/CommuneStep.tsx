import { useEffect, useState, type FormEvent } from "react";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useLingui } from "@lingui/react/macro";
import { msg } from "@lingui/core/macro";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { communeLabel, resolveCommuneQuery, type CommuneIndex, type CommuneMatch } from "../../../../domain/geo/commune-search.js";
import { ChoiceList } from "../../autour/ChoiceList.js";
import { loadCommuneIndex } from "../../autour/places-api.js";

const COMMUNES_NOT_LOADED = msg`La liste des communes n'a pas pu être chargée (hors ligne ?) : réessayez quand vous aurez du réseau.`;

/**
 * The parent's commune, to know the département (and the places near them if no service covers it). The same
 * offline commune list and resolution as « Autour de moi »: a name shared by several communes asks which one.
 * Only the département leaves the device (coverage question); the commune is used on the device.
 */
export function CommuneStep({ onChoose, busy }: { onChoose(commune: CommuneMatch): void; busy: boolean }) {
  const { t, i18n } = useLingui();
  const [text, setText] = useState("");
  const [candidates, setCandidates] = useState<CommuneMatch[]>([]);
  const [message, setMessage] = useState<string | null>(null);

  // The commune list (670 KB gzip, its index built on the main thread) is fetched when the field is first used, not with
  // the page, as on « Autour de moi » (issue 19); « Continuer » pressed before it has arrived waits for it (submit).
  const [wanted, setWanted] = useState(false);
  useEffect(() => {
    if (!wanted) return;
    let live = true;
    loadCommuneIndex().catch(() => live && setMessage(i18n._(COMMUNES_NOT_LOADED)));
    return () => {
      live = false;
    };
  }, [wanted, i18n]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setCandidates([]);
    let communes: CommuneIndex;
    try {
      communes = await loadCommuneIndex();
    } catch {
      return setMessage(i18n._(COMMUNES_NOT_LOADED));
    }
    if (text.trim().length < 2) return setMessage(t`Indiquez au moins deux lettres du nom de votre commune, ou son code postal.`);
    const found = resolveCommuneQuery(communes, text, 8);
    if (found.kind === "one") {
      setMessage(null);
      return onChoose(found.commune);
    }
    if (found.kind === "choose") {
      setMessage(null);
      return setCandidates(found.communes);
    }
    const typed = text.trim();
    setMessage(t`Aucune commune ne correspond à « ${typed} ». Vérifiez l'orthographe ou indiquez le code postal.`);
  }

  const typedText = text.trim();
  return (
    <>
      <form onSubmit={(e) => void submit(e)} noValidate className="mj-narrow-form">
        <Input
          label={t`Votre commune`}
          hintText={t`Nom ou code postal. Elle sert à trouver le service de votre département ; seul le numéro du département est envoyé pour savoir si un service y rappelle.`}
          state={message ? "error" : "default"}
          stateRelatedMessage={message ?? undefined}
          nativeInputProps={{
            name: "rappel-commune",
            value: text,
            autoComplete: "address-level2",
            onFocus: () => setWanted(true),
            onChange: (e) => {
              setText(e.target.value);
              setWanted(true);
            },
          }}
        />
        <Button type="submit" iconId="fr-icon-arrow-right-line" iconPosition="right" disabled={busy}>
          {t`Continuer`}
        </Button>
      </form>
      {candidates.length > 0 && (
        <>
          <p className="fr-mt-3w fr-mb-1w" role="status">
            {t`Plusieurs communes correspondent à « ${typedText} » : laquelle est la vôtre ?`}
          </p>
          <ChoiceList
            label={t`Communes possibles`}
            disabled={busy}
            choices={candidates.map((c) => ({ key: c.code, label: communeLabel(c), detail: c.postcodes.slice(0, 3).join(", "), choose: () => onChoose(c) }))}
          />
        </>
      )}
    </>
  );
}
