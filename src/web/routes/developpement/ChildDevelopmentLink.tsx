import { Link } from "react-router";
import { Trans } from "@lingui/react/macro";
import type { IsoDate } from "../../../domain/dates.js";
import type { Profile } from "../../../domain/profile/profile.js";
import { AgesBox } from "./AgesBox.js";
import { childName } from "./children.js";

/** On a child's track of « Mon parcours »: real and corrected ages (premature baby) and the way to its development page. */
export function ChildDevelopmentLink({ profile, trackId, today }: { profile: Profile; trackId: string; today: IsoDate }) {
  const child = profile.children.find((c) => `enfant-${c.id}` === trackId);
  if (!child) return null;
  const name = childName(profile, child);
  return (
    <>
      <AgesBox child={child} today={today} name={name} />
      <p>
        <Link to={`/developpement?enfant=${encodeURIComponent(child.id)}`}>
          <Trans>
            Son développement<span className="fr-sr-only"> ({name})</span> : repères et signes à surveiller
          </Trans>
        </Link>
      </p>
    </>
  );
}
