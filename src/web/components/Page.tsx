import { useEffect, useRef, type ReactNode } from "react";
import { useLingui } from "@lingui/react/macro";
import { shared } from "../i18n/messages.js";

let firstPage = true;

/**
 * A page: sets the document title and, after a navigation (not on the first load), moves the focus
 * to the heading so that screen-reader users hear where they arrived.
 */
export function Page({ title, heading, children }: { title: string; heading?: ReactNode; children: ReactNode }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const { t } = useLingui();
  const appName = t(shared.appName);
  useEffect(() => {
    document.title = `${title} – ${appName}`;
  }, [title, appName]);
  useEffect(() => {
    if (firstPage) firstPage = false;
    else headingRef.current?.focus();
  }, []);
  return (
    <>
      <h1 ref={headingRef} tabIndex={-1}>
        {heading ?? title}
      </h1>
      {children}
    </>
  );
}
