import { useEffect, useRef, useState, type ReactNode } from "react";

/**
 * Renders `children` only once their place comes near the screen (within `margin`), `placeholder` until then (issue 19):
 * what is below the first screen (the map of « Autour de moi ») is neither fetched nor run with the page. The
 * placeholder takes the same room, so that nothing moves when the children come. Without IntersectionObserver, at once.
 */
export function WhenSeen({ children, placeholder, margin = "400px" }: { children: ReactNode; placeholder: ReactNode; margin?: string }) {
  const box = useRef<HTMLDivElement>(null);
  const [seen, setSeen] = useState(false);
  useEffect(() => {
    if (seen || !box.current) return;
    if (typeof IntersectionObserver === "undefined") return setSeen(true);
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setSeen(true), { rootMargin: `${margin} 0px` });
    observer.observe(box.current);
    return () => observer.disconnect();
  }, [seen, margin]);
  return <div ref={box}>{seen ? children : placeholder}</div>;
}
