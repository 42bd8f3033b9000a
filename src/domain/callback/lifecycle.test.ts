import { describe, expect, it } from "vitest";
import {
  AlreadyClosedError,
  changedDetails,
  closedDetail,
  deleteByWhenClosed,
  deleteByWhenSent,
  ensureNotClosed,
  newRequestDetails,
  type RequestDetails,
} from "./lifecycle.js";

const details: RequestDetails = newRequestDetails(
  { name: "Lina", phone: "0612345678", moments: ["matin"], commune: "69123", consent: true, sharedResult: { band: "eleve", date: "2026-12-01" } },
  "Lyon",
);
const retention = { afterClosedDays: 30, maxDays: 90 };

describe("a call-back request's life", () => {
  it("starts without follow-up", () => {
    expect(details).toMatchObject({ name: "Lina", communeName: "Lyon", sharedResult: { band: "eleve" }, outcome: null, attempts: null, orientedTo: null });
  });

  it("records attempts when contacted, the outcome when closed, and refuses to change a closed request", () => {
    const contacted = changedDetails(details, { status: "contacted", attempts: 2 });
    expect(contacted).toMatchObject({ outcome: null, attempts: 2 });
    expect(changedDetails(contacted, { status: "contacted" }).attempts).toBe(2);
    const closed = changedDetails(contacted, { status: "closed", outcome: "oriented", orientedTo: "PMI de Lyon 3e" });
    expect(closed).toMatchObject({ outcome: "oriented", attempts: 2, orientedTo: "PMI de Lyon 3e" });
    expect(closedDetail(closed)).toBe("Orientée vers un autre service : PMI de Lyon 3e");
    expect(closedDetail({ ...closed, outcome: "unreachable", attempts: 3 })).toBe("Injoignable après 3 tentatives");
    expect(closedDetail(details)).toBeNull();
    expect(() => ensureNotClosed("contacted")).not.toThrow();
    expect(() => ensureNotClosed("closed")).toThrow(AlreadyClosedError);
  });

  it("is deleted 90 days after it was sent, or 30 days after closing if that is sooner", () => {
    const sent = new Date("2026-01-01T10:00:00Z");
    expect(deleteByWhenSent(sent, retention).toISOString()).toBe("2026-04-01T10:00:00.000Z");
    expect(deleteByWhenClosed(sent, new Date("2026-01-05T10:00:00Z"), retention).toISOString()).toBe("2026-02-04T10:00:00.000Z");
    expect(deleteByWhenClosed(sent, new Date("2026-03-20T10:00:00Z"), retention).toISOString()).toBe("2026-04-01T10:00:00.000Z");
  });
});
