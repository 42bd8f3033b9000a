import { describe, expect, it } from "vitest";
import { appointmentFromDraft, APPOINTMENT_LIMITS } from "./appointment.js";
import { backupSchema } from "../profile/backup.js";

describe("appointmentFromDraft", () => {
  it("keeps the trimmed title, the date and the trimmed note", () => {
    expect(appointmentFromDraft({ title: "  Dentiste ", date: "2027-01-14", note: " 10 h \n" }, "a1")).toEqual({
      appointment: { id: "a1", title: "Dentiste", date: "2027-01-14", note: "10 h" },
    });
  });

  it("asks for a title first, then a real date", () => {
    expect(appointmentFromDraft({ title: "   ", date: "", note: "" }, "a1")).toEqual({
      error: { field: "title", message: "Donnez un nom au rendez-vous.", code: "appointment.title.missing" },
    });
    for (const date of ["", "2027-02-30", "14/01/2027"])
      expect(appointmentFromDraft({ title: "Dentiste", date, note: "" }, "a1")).toEqual({
        error: { field: "date", message: "Indiquez une date réelle (par exemple le 14/01/2027).", code: "appointment.date.invalid" },
      });
  });

  it("cuts title and note to the limits the backup file accepts", () => {
    const result = appointmentFromDraft({ title: "t".repeat(500), date: "2027-01-14", note: "n".repeat(5000) }, "a".repeat(APPOINTMENT_LIMITS.id));
    if (!("appointment" in result)) throw new Error("expected an appointment");
    expect(result.appointment.title).toHaveLength(APPOINTMENT_LIMITS.title);
    expect(result.appointment.note).toHaveLength(APPOINTMENT_LIMITS.note);
    const file = {
      format: "mille-jours-sauvegarde",
      version: 3,
      exportedAt: "2027-01-01T00:00:00.000Z",
      profile: null,
      marks: [],
      appointments: [result.appointment],
    };
    expect(backupSchema.safeParse(file).success).toBe(true);
    const tooLong = { ...result.appointment, title: result.appointment.title + "t" };
    expect(backupSchema.safeParse({ ...file, appointments: [tooLong] }).success).toBe(false);
  });
});
