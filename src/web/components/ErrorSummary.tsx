import { plural } from "@lingui/core/macro";
import type { RefObject } from "react";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import type { FieldError } from "../../domain/profile/profile.js";

/**
 * The list of what a form needs corrected, shown above it. It takes the focus (through `summaryRef`) after a
 * refused submit, so that a screen reader reads it first.
 */
export function ErrorSummary({ errors, summaryRef }: { errors: readonly FieldError[]; summaryRef: RefObject<HTMLDivElement | null> }) {
  if (errors.length === 0) return null;
  return (
    <div ref={summaryRef} tabIndex={-1} className="fr-mb-3w">
      <Alert
        as="h2"
        severity="error"
        title={plural(errors.length, { one: "Une information est à corriger", other: "# informations sont à corriger" })}
        description={
          <ul>
            {errors.map((e) => (
              <li key={e.field + e.message}>{e.message}</li>
            ))}
          </ul>
        }
      />
    </div>
  );
}
