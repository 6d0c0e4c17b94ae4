import { MedusaError } from "@medusajs/framework/utils"
import { DateTime } from "luxon"
import { MEXICAN_NON_WORKING_DAYS } from "./holidays"

/** Terms run in Mexico City time (no daylight saving since 2022). */
export const PROCEDURE_ZONE = "America/Mexico_City"
/** Bids close at this local hour of the last business day of the window. */
export const CLOSING_HOUR = 18

export class CalendarUnavailableError extends Error {
  constructor(readonly year: number) {
    super(`No hay calendario de días inhábiles para ${year}; agrégalo en plugins/mini-competition/src/competition/holidays.ts.`)
  }
}

/** Whether the local calendar date `iso` (YYYY-MM-DD) is a business day. */
export function isBusinessDay(iso: string, calendar: Readonly<Record<number, readonly string[]>> = MEXICAN_NON_WORKING_DAYS): boolean {
  const day = DateTime.fromISO(iso, { zone: PROCEDURE_ZONE })
  const holidays = calendar[day.year]
  if (!holidays) {
    throw new CalendarUnavailableError(day.year)
  }
  return day.weekday <= 5 && !holidays.includes(iso)
}

/**
 * The closing instant of a window of `days` business days that starts the
 * day after `from` (local date): 18:00 Mexico City time on the last of them.
 */
export function bidDeadline(
  from: Date,
  days: number,
  calendar: Readonly<Record<number, readonly string[]>> = MEXICAN_NON_WORKING_DAYS,
): Date {
  if (!Number.isInteger(days) || days < 1) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "El plazo debe ser de al menos un día hábil.", "PLAZO_NO_VALIDO")
  }
  let day = DateTime.fromJSDate(from, { zone: PROCEDURE_ZONE }).startOf("day")
  let counted = 0
  while (counted < days) {
    day = day.plus({ days: 1 })
    if (isBusinessDay(day.toISODate()!, calendar)) {
      counted++
    }
  }
  return day.set({ hour: CLOSING_HOUR }).toJSDate()
}
