import { Trans } from "@lingui/react/macro";

export function PhoneLine({ phone }: { phone: string }) {
  return (
    <Trans>
      Téléphone : <strong dir="ltr">{phone}</strong>
    </Trans>
  );
}
