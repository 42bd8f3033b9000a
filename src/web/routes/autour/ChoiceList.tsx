import { Button } from "@codegouvfr/react-dsfr/Button";

export interface Choice {
  key: string;
  label: string;
  /** Shown after the label, e.g. the postal codes that tell two communes of the same name apart. */
  detail?: string;
  choose(): void;
}

/**
 * « Plusieurs communes correspondent » : one button per choice, so that nothing is chosen until the person
 * activates one (a radio group would choose the next commune on an arrow key, as the keyboard moves through it).
 */
export function ChoiceList({ label, choices, disabled = false }: { label: string; choices: Choice[]; disabled?: boolean }) {
  return (
    <ul className="mj-suggestions" aria-label={label}>
      {choices.map((c) => (
        <li key={c.key}>
          <Button type="button" priority="tertiary" size="small" disabled={disabled} onClick={c.choose}>
            {c.label}
            {c.detail ? ` · ${c.detail}` : ""}
          </Button>
        </li>
      ))}
    </ul>
  );
}
