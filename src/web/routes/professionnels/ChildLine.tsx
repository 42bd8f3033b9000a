import { Trans, useLingui } from "@lingui/react/macro";

/** One child of a received hand-over: rank, birth date, and the terme that was expected. */
export function ChildLine({ rank, born, expected }: { rank: number; born: string; expected: string | null }) {
  const { t } = useLingui();
  return (
    <li>
      <Trans>
        Enfant {rank} né le <strong>{born}</strong>
      </Trans>
      {expected && <> {t`(terme prévu le ${expected})`}</>}
    </li>
  );
}
