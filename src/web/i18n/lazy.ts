// eslint-disable-next-line no-restricted-imports -- the one place React's lazy is wrapped
import { lazy, type ComponentType } from "react";
import { sectionsReady } from "./sections.js";

/**
 * React's `lazy`, except that the component renders only once the active language's messages of the code it brought
 * are there (sections.ts): a page in Arabic never flashes its French fallback. Use it for every lazy component.
 * `preload()` starts loading it before it renders (the first render of a page, main.tsx), and says when it is there.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- as React's own lazy
export function lazyWithMessages<T extends ComponentType<any>>(load: () => Promise<{ default: T }>) {
  let loading: Promise<{ default: T }> | undefined;
  const preload = () => (loading ??= load().then(async (module) => (await sectionsReady(), module)));
  return Object.assign(lazy(preload), { preload });
}
