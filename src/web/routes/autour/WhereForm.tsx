import { useEffect, useState, type FormEvent } from "react";
import { msg } from "@lingui/core/macro";
import { i18n } from "@lingui/core";
import { useLingui } from "@lingui/react/macro";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { communeLabel, resolveCommuneQuery, searchCommuneIndex, type CommuneIndex, type CommuneMatch } from "../../../domain/geo/commune-search.js";
import { ChoiceList } from "./ChoiceList.js";
import { geocodeAddress, loadCommuneIndex } from "./places-api.js";

/** A place chosen as the centre of the search. */
export interface Spot {
  lat: number;
  lon: number;
  label: string;
}

interface Suggestion extends Spot {
  detail?: string | undefined;
}

function spotOf(c: CommuneMatch): Spot {
  const label = communeLabel(c);
  const name = c.name;
  return {
    lat: c.lat,
    lon: c.lon,
    label: c.arrondissement ? i18n._(msg`${label} (depuis le centre de ${name} : les arrondissements ne sont pas distingués)`) : label,
  };
}

/** A suggestion: the commune with its département, and its postal codes to help choose. */
function suggestionOf(c: CommuneMatch): Suggestion {
  const codes = c.postcodes.length > 3 ? `${c.postcodes.slice(0, 3).join(", ")}…` : c.postcodes.join(", ");
  return { ...spotOf(c), detail: codes || undefined };
}

/** Where to search from: a commune (offline list), an address (the geocoder, when configured) or the device's position. */
export function WhereForm({ onChoose, onFail, geocoderUrl }: { onChoose(spot: Spot): void; onFail(): void; geocoderUrl: string | null }) {
  const { t } = useLingui();
  const [text, setText] = useState("");
  const [index, setIndex] = useState<CommuneIndex | null>(null);
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [ask, setAsk] = useState<string | null>(null);

  // The commune list (670 KB gzip, its index built on the main thread) is fetched when the field is first used, not
  // with the page (issue 19); a search sent before it has arrived waits for it (submit).
  const [wanted, setWanted] = useState(false);
  useEffect(() => {
    if (!wanted) return;
    loadCommuneIndex().then(setIndex, () => setMessage(t`La liste des communes n'a pas pu être chargée.`));
    // Loaded once; the message is read in the language of the moment.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [wanted]);

  useEffect(() => {
    if (!index) return;
    setAsk(null);
    setSuggestions(searchCommuneIndex(index, text, 8).map(suggestionOf));
  }, [index, text]);

  function fail(reason: string) {
    setMessage(reason);
    onFail();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setMessage(null);
    setAsk(null);
    const query = text.trim();
    // Before the commune list has arrived (slow connection), wait for it rather than failing the search.
    const communes = index ?? (await loadCommuneIndex().catch(() => null));
    if (communes) setIndex(communes);
    if (communes) {
      const found = resolveCommuneQuery(communes, text, 8);
      if (found.kind === "one") return onChoose(spotOf(found.commune));
      if (found.kind === "choose") {
        setSuggestions(found.communes.map(suggestionOf));
        setAsk(t`Plusieurs communes correspondent à « ${query} » : choisissez la vôtre ci-dessous.`);
        onFail();
        return;
      }
    }
    if (geocoderUrl && query.length > 3) {
      try {
        const found = await geocodeAddress(geocoderUrl, query);
        if (found.length === 1) return onChoose(found[0]!);
        if (found.length) {
          setSuggestions(found);
          setAsk(t`Plusieurs adresses correspondent à « ${query} » : choisissez la vôtre ci-dessous.`);
          onFail();
          return;
        }
      } catch {
        return fail(t`La recherche d'adresse n'est pas disponible (hors ligne ?). Essayez avec une commune ou un code postal.`);
      }
    }
    if (!communes) return fail(t`La liste des communes n'a pas pu être chargée (hors ligne ?) : réessayez dans un instant, ou utilisez « Me localiser ».`);
    fail(
      query.length < 2
        ? t`Indiquez au moins deux lettres du nom de la commune, ou son code postal.`
        : t`Aucune commune ne correspond à « ${query} ». Vérifiez l'orthographe ou indiquez le code postal (par exemple 69003 pour Lyon 3e).`,
    );
  }

  function locate() {
    setMessage(null);
    if (!("geolocation" in navigator)) return fail(t`Votre navigateur ne permet pas la localisation.`);
    navigator.geolocation.getCurrentPosition(
      (position) => onChoose({ lat: position.coords.latitude, lon: position.coords.longitude, label: t`votre position` }),
      () => fail(t`Votre position n'a pas pu être obtenue (autorisation refusée ?). Indiquez plutôt une commune.`),
      { timeout: 10_000, maximumAge: 300_000 },
    );
  }

  return (
    <form onSubmit={submit} role="search" aria-label={t`Chercher des lieux`}>
      <Input
        label={geocoderUrl ? t`Commune, code postal ou adresse` : t`Commune ou code postal`}
        hintText={t`Par exemple : 69003, Lyon, Saint-Denis`}
        state={message ? "error" : "default"}
        stateRelatedMessage={message ?? undefined}
        nativeInputProps={{
          name: "lieu",
          value: text,
          autoComplete: "off",
          onFocus: () => setWanted(true),
          onChange: (e) => {
            setWanted(true);
            setText(e.target.value);
          },
        }}
      />
      {ask && (
        <p className="fr-mt-1w fr-mb-1w" role="status">
          {ask}
        </p>
      )}
      {suggestions.length > 0 && (
        <ChoiceList
          label={ask ? t`Communes possibles` : t`Suggestions`}
          choices={suggestions.map((s) => ({
            key: `${s.label}-${s.lat}`,
            label: s.label,
            detail: s.detail,
            choose: () => onChoose({ lat: s.lat, lon: s.lon, label: s.label }),
          }))}
        />
      )}
      <div className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--icon-left">
        <Button type="submit" iconId="fr-icon-search-line">
          {t`Chercher`}
        </Button>
        <Button type="button" priority="secondary" iconId="fr-icon-map-pin-2-line" onClick={locate}>
          {t`Me localiser`}
        </Button>
      </div>
    </form>
  );
}
