import { msg } from "@lingui/core/macro";
import { i18n } from "@lingui/core";
import type { Child, Profile } from "../../../domain/profile/profile.js";

/** A child's name as the pages say it: the first name, or « Enfant 2 » (in the interface's language). */
export function childName(profile: Profile, child: Child): string {
  const number = profile.children.indexOf(child) + 1;
  return child.firstName.trim() || i18n._(msg`Enfant ${number}`);
}

/** The child named by `?enfant=`, else the only (or youngest) child. */
export function chosenChild(profile: Profile | null, id: string | null): Child | null {
  if (!profile || profile.children.length === 0) return null;
  const byId = profile.children.find((c) => c.id === id);
  if (byId) return byId;
  return [...profile.children].sort((a, b) => (a.birthDate < b.birthDate ? 1 : -1))[0] ?? null;
}
