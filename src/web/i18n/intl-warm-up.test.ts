import { afterEach, describe, expect, it, vi } from "vitest";
import { warmUpIntl } from "./intl-warm-up.js";

describe("warmUpIntl", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("starts one worker named with the page's language, on the warm-up script", () => {
    const started: { url: string; name: string | undefined }[] = [];
    vi.stubGlobal(
      "Worker",
      class {
        constructor(url: URL, options?: WorkerOptions) {
          started.push({ url: String(url), name: options?.name });
        }
      },
    );
    warmUpIntl("fa-AF");
    expect(started).toHaveLength(1);
    expect(started[0]!.name).toBe("fa-AF");
    expect(started[0]!.url).toMatch(/intl-warm-up-worker\.ts$/);
  });

  it("does nothing without a language or without workers, and a worker that cannot start changes nothing", () => {
    const constructed = vi.fn();
    vi.stubGlobal("Worker", constructed);
    warmUpIntl("");
    expect(constructed).not.toHaveBeenCalled();
    vi.stubGlobal("Worker", undefined);
    expect(() => warmUpIntl("fr")).not.toThrow();
    vi.stubGlobal(
      "Worker",
      class {
        constructor() {
          throw new DOMException("refused", "SecurityError");
        }
      },
    );
    expect(() => warmUpIntl("fr")).not.toThrow();
  });
});
