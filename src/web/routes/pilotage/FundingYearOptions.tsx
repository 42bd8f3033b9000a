import { fundingYears } from "./labels.js";

/** The options of a funding-year select, from the first calls for projects to next year. */
export function FundingYearOptions() {
  return fundingYears().map((year) => (
    <option key={year} value={year}>
      {year}
    </option>
  ));
}
