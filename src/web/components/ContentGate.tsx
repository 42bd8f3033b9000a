import type { ReactNode } from "react";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import type { Article, ContentBundle } from "../../domain/content/schema.js";
import type { SearchIndexEntry } from "../../domain/content/search.js";
import { useLingui } from "@lingui/react/macro";
import { shared } from "../i18n/messages.js";
import { useContentState } from "../state/content.js";
import { useParent } from "../state/parent.js";

export interface ReadyContent {
  bundle: ContentBundle;
  searchIndex: SearchIndexEntry<Article>[];
}

/** Renders its children once content and the parent's data are available; explains otherwise. */
export function ContentGate({ children }: { children: (content: ReadyContent) => ReactNode }) {
  const content = useContentState();
  const { loaded } = useParent("loaded");
  const { t } = useLingui();
  if (content.status === "error") return <Alert as="h2" severity="error" title={t`Contenu indisponible`} description={content.message} />;
  if (content.status === "loading" || !loaded)
    return (
      <p role="status" aria-live="polite">
        {t(shared.loading)}
      </p>
    );
  return <>{children(content)}</>;
}
