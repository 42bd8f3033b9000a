import { useEffect, useId, useRef, useState } from "react";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Trans, useLingui } from "@lingui/react/macro";
import type * as EngineModule from "./engine.js";
import type { Reader } from "./engine.js";

type Engine = typeof EngineModule;

type Status =
  | { kind: "idle"; ended?: "done" | "stopped" | "empty" }
  | { kind: "loading" }
  | { kind: "playing" }
  | { kind: "paused" }
  | { kind: "no-voice"; language: string; online: SpeechSynthesisVoice | null }
  | { kind: "unsupported" }
  | { kind: "error" };

const rates = [0.75, 1, 1.25] as const;

const rateKey = "mj-lecture-vitesse";

function savedRate(): number {
  try {
    const value = Number(localStorage.getItem(rateKey));
    return rates.some((r) => r === value) ? value : 1;
  } catch {
    return 1;
  }
}

/**
 * « Écouter » : reads the page regions matched by `regions` (a CSS selector list, in document order) aloud with the
 * device's own voice for their language (the `lang` of the first region, else of the page), sentence by sentence,
 * highlighting the sentence being read. The speech code is fetched on the first tap only (engine.ts).
 */
export function ReadAloud({ regions }: { regions: string }) {
  const { t, i18n } = useLingui();
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  const [rate, setRate] = useState(1);
  const [position, setPosition] = useState<{ index: number; count: number } | null>(null);
  const engine = useRef<Engine | null>(null);
  const reader = useRef<Reader | null>(null);
  const speedLabel = useId();

  useEffect(() => setRate(savedRate()), []);
  // Leaving the page stops the voice and removes the highlight.
  useEffect(
    () => () => {
      reader.current?.stop();
      engine.current?.showSentence(null);
    },
    [],
  );

  const synth = () => (typeof window !== "undefined" && "speechSynthesis" in window ? window.speechSynthesis : null);

  async function start(allowOnline: SpeechSynthesisVoice | null = null) {
    const speech = synth();
    if (!speech) return setStatus({ kind: "unsupported" });
    if (!engine.current) speechUnlock(speech);
    setStatus({ kind: "loading" });
    const loaded = (engine.current ??= await import("./engine.js"));
    const roots = [...document.querySelectorAll(regions)];
    const lang = roots[0]?.closest("[lang]")?.getAttribute("lang") || document.documentElement.lang || "fr";
    const choice = allowOnline ? { local: allowOnline, online: null } : loaded.chooseVoice(await loaded.loadVoices(speech), lang);
    const voice = choice.local;
    if (!voice) return setStatus({ kind: "no-voice", language: loaded.languageName(lang, i18n.locales?.[0] ?? i18n.locale), online: choice.online });
    const sentences = loaded.collectSentences(roots, lang);
    if (!sentences.length) return setStatus({ kind: "idle", ended: "empty" });
    const next = new loaded.Reader(speech, sentences, voice, {
      onSentence: (index) => {
        loaded.showSentence(sentences[index]!);
        setPosition({ index, count: sentences.length });
      },
      onEnd: () => {
        loaded.showSentence(null);
        setPosition(null);
        setStatus({ kind: "idle", ended: "done" });
      },
      onError: () => setStatus({ kind: "error" }),
    });
    reader.current?.stop();
    reader.current = next;
    next.setRate(rate);
    next.play();
    setStatus({ kind: "playing" });
  }

  function toggle() {
    // Not `disabled` while loading: a disabled button loses the keyboard focus.
    if (status.kind === "loading") return;
    if (status.kind === "playing") {
      reader.current?.pause();
      setStatus({ kind: "paused" });
    } else if (status.kind === "paused" && reader.current) {
      reader.current.play();
      setStatus({ kind: "playing" });
    } else void start();
  }

  function stop() {
    reader.current?.stop();
    reader.current = null;
    engine.current?.showSentence(null);
    setPosition(null);
    setStatus({ kind: "idle", ended: "stopped" });
  }

  function changeRate(value: number) {
    setRate(value);
    reader.current?.setRate(value);
    try {
      localStorage.setItem(rateKey, String(value));
    } catch {
      // private browsing: the speed is simply not remembered
    }
  }

  const active = status.kind === "playing" || status.kind === "paused";
  const icon = status.kind === "playing" ? "fr-icon-pause-circle-line" : status.kind === "paused" ? "fr-icon-play-circle-line" : "fr-icon-volume-up-line";
  const rateLabels: Record<(typeof rates)[number], string> = { 0.75: t`Lente`, 1: t`Normale`, 1.25: t`Rapide` };
  const ended = status.kind === "idle" && status.ended;
  // Named placeholders for the translators.
  const sentence = (position?.index ?? 0) + 1;
  const count = position?.count ?? 0;
  const language = status.kind === "no-voice" ? status.language : "";
  const voice = status.kind === "no-voice" ? status.online?.name : "";

  return (
    <div className="mj-read-aloud fr-mb-3w mj-no-print" data-lecture-ignorer="">
      <div className="mj-read-aloud__controls">
        <Button priority="secondary" size="small" iconId={icon} onClick={toggle}>
          {status.kind === "playing" ? (
            t`Pause`
          ) : status.kind === "paused" ? (
            t`Reprendre`
          ) : (
            <Trans>
              Écouter<span className="fr-sr-only"> : lire cette page à voix haute</span>
            </Trans>
          )}
        </Button>
        {active && (
          <Button priority="tertiary" size="small" iconId="fr-icon-stop-circle-line" onClick={stop}>
            {t`Arrêter`}
          </Button>
        )}
        {active && (
          <div role="group" aria-labelledby={speedLabel} className="mj-read-aloud__speed">
            <span id={speedLabel} className="fr-text--sm fr-mb-0">
              {t`Vitesse :`}
            </span>
            {rates.map((value) => (
              <Button
                key={value}
                priority={rate === value ? "primary" : "tertiary"}
                size="small"
                nativeButtonProps={{ "aria-pressed": rate === value }}
                onClick={() => changeRate(value)}
              >
                {rateLabels[value]}
              </Button>
            ))}
          </div>
        )}
      </div>
      {position && active && (
        <p className="fr-text--xs fr-mb-0" aria-hidden="true">
          {t`Phrase ${sentence} sur ${count}`}
        </p>
      )}
      <div role="status" className="fr-text--sm fr-mb-0">
        {ended === "done" && t`Lecture terminée.`}
        {ended === "stopped" && t`Lecture arrêtée.`}
        {ended === "empty" && t`Il n'y a pas de texte à lire sur cette page.`}
        {status.kind === "loading" && t`Préparation de la lecture…`}
        {status.kind === "playing" && t`Lecture en cours.`}
        {status.kind === "paused" && t`Lecture en pause.`}
        {status.kind === "unsupported" && <p className="fr-message fr-message--error">{t`Ce navigateur ne sait pas lire une page à voix haute.`}</p>}
        {status.kind === "error" && (
          <p className="fr-message fr-message--error">{t`La lecture s'est interrompue. Appuyez sur « Écouter » pour recommencer.`}</p>
        )}
        {status.kind === "no-voice" && (
          <div className="fr-alert fr-alert--warning fr-alert--sm">
            <p>
              {t`Votre appareil n'a pas de voix en ${language} pour lire cette page. Vous pouvez en ajouter une dans les réglages de l'appareil (synthèse vocale, ou « voix » dans l'accessibilité), puis revenir ici.`}
            </p>
            {status.online && (
              <p className="fr-mt-1w">
                {t`Une voix en ligne existe (${voice}) : avec elle, le texte de la page est envoyé au service de voix de votre navigateur.`}{" "}
                <button type="button" className="fr-link" onClick={() => void start(status.online)}>
                  {t`Lire avec la voix en ligne`}
                </button>
              </p>
            )}
          </div>
        )}
      </div>
    </div>
  );
}

/** The empty utterance that unlocks speech on iOS must be spoken within the tap, before any awaited import. */
function speechUnlock(speech: SpeechSynthesis) {
  const utterance = new SpeechSynthesisUtterance("");
  utterance.volume = 0;
  speech.speak(utterance);
}
