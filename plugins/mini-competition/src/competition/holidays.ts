/**
 * Days on which no term runs for federal procurement procedures, as data:
 * the mandatory rest days of Art. 74 of the Ley Federal del Trabajo (1 Jan,
 * first Monday of February, third Monday of March, 1 May, 16 Sep, 1 Oct of
 * each sixth year, third Monday of November, 25 Dec) plus the days the
 * federal administration's yearly DOF agreement declares non-working (Holy
 * Thursday and Friday, 2 Nov, 12 Dec). Saturdays and Sundays are never
 * business days and are not listed. Add a year here before it starts:
 * business-day arithmetic refuses years it has no calendar for.
 */
export const MEXICAN_NON_WORKING_DAYS: Readonly<Record<number, readonly string[]>> = {
  2026: [
    "2026-01-01",
    "2026-02-02",
    "2026-03-16",
    "2026-04-02",
    "2026-04-03",
    "2026-05-01",
    "2026-09-16",
    "2026-11-02",
    "2026-11-16",
    "2026-12-12",
    "2026-12-25",
  ],
  2027: [
    "2027-01-01",
    "2027-02-01",
    "2027-03-15",
    "2027-03-25",
    "2027-03-26",
    "2027-05-01",
    "2027-09-16",
    "2027-11-02",
    "2027-11-15",
    "2027-12-12",
    "2027-12-25",
  ],
  2028: [
    "2028-01-01",
    "2028-02-07",
    "2028-03-20",
    "2028-04-13",
    "2028-04-14",
    "2028-05-01",
    "2028-09-16",
    "2028-11-02",
    "2028-11-20",
    "2028-12-12",
    "2028-12-25",
  ],
  2029: [
    "2029-01-01",
    "2029-02-05",
    "2029-03-19",
    "2029-03-29",
    "2029-03-30",
    "2029-05-01",
    "2029-09-16",
    "2029-11-02",
    "2029-11-19",
    "2029-12-12",
    "2029-12-25",
  ],
  2030: [
    "2030-01-01",
    "2030-02-04",
    "2030-03-18",
    "2030-04-18",
    "2030-04-19",
    "2030-05-01",
    "2030-09-16",
    "2030-10-01",
    "2030-11-02",
    "2030-11-18",
    "2030-12-12",
    "2030-12-25",
  ],
}

/** Legal basis of the calendar, shown with every computed deadline. */
export const CALENDAR_CITATION = "Art. 74 LFT; Art. 28 LFPA; acuerdo anual de días inhábiles de la APF (DOF)"
