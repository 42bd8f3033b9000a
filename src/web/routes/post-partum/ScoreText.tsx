import { useLingui } from "@lingui/react/macro";
import type { EpdsRecord } from "../../storage/local-db.js";

/** A result's total out of 30, and whether question 10 was answered with points. */
export function ScoreText({ record: r }: { record: EpdsRecord }) {
  const { t } = useLingui();
  return (
    <>
      {r.total} / 30{r.item10Points > 0 ? ` ${t`(question 10 : idées de se faire du mal)`}` : ""}
    </>
  );
}
