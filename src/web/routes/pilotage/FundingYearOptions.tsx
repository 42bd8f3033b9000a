import { fundingYears } from "../../../domain/steering/project.js";

/** The options of a funding-year select, from the first calls for projects to next year. */
export function FundingYearOptions() {
  return fundingYears(new Date()).map((year) => (
    <option key={year} value={year}>
      {year}
    </option>
  ));
}
