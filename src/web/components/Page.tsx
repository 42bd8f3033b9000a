import { useEffect, useRef, type ReactNode } from "react";
import { t } from "../i18n/fr.js";

let firstPage = true;

/**
 * A page: sets the document title and, after a navigation (not on the first load), moves the focus
 * to the heading so that screen-reader users hear where they arrived.
 */
export function Page({ title, heading, children }: { title: string; heading?: ReactNode; children: ReactNode }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} – ${t.app.name}`;
  }, [title]);
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
