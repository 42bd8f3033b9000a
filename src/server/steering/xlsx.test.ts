import { describe, expect, it } from "vitest";
import { strFromU8, unzipSync } from "fflate";
import { columnName, escapeXml, sheetXml, writeXlsx } from "./xlsx.js";

describe("minimal XLSX writer", () => {
  it("names columns like a spreadsheet", () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnName)).toEqual(["A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"]);
  });

  it("escapes XML and drops the characters XML forbids", () => {
    expect(escapeXml(`<a href="x">&'\u0001\u0007ok`)).toBe("&lt;a href=&quot;x&quot;&gt;&amp;'ok");
  });

  it("writes text as inline strings (never formulas) and numbers as numbers", () => {
    const xml = sheetXml([
      ["nom", "montant"],
      ['=HYPERLINK("http://x")', 45000],
      [" espace ", null],
    ]);
    expect(xml).toContain('<c r="A2" t="inlineStr"><is><t>=HYPERLINK(&quot;http://x&quot;)</t></is></c><c r="B2"><v>45000</v></c>');
    expect(xml).toContain('<t xml:space="preserve"> espace </t>');
    expect(xml).not.toContain("<f>");
    expect(xml).toContain('<dimension ref="A1:B3"/>');
  });

  it("zips a workbook whose parts reference each other", () => {
    const files = unzipSync(
      writeXlsx([["a"], [1]], { sheetName: "Liste: 2023/84 [test] avec un nom bien trop long", created: new Date("2026-01-01T00:00:00Z") }),
    );
    const types = strFromU8(files["[Content_Types].xml"]!);
    for (const part of ["/xl/workbook.xml", "/xl/worksheets/sheet1.xml", "/xl/styles.xml", "/docProps/core.xml"]) expect(types).toContain(`PartName="${part}"`);
    expect(strFromU8(files["xl/_rels/workbook.xml.rels"]!)).toContain('Target="worksheets/sheet1.xml"');
    const workbook = strFromU8(files["xl/workbook.xml"]!);
    const name = /<sheet name="([^"]*)"/.exec(workbook)![1]!;
    expect(name.length).toBeLessThanOrEqual(31);
    expect(name).not.toMatch(/[\\/?*[\]:]/);
    expect(strFromU8(files["docProps/core.xml"]!)).toContain("2026-01-01T00:00:00Z");
  });
});
