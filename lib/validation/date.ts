// Calendar dates as forms send them ("YYYY-MM-DD", from <input type="date">) and the instants
// they mean in France: a round opens at midnight and closes at 23:59:59, Paris time.

/** A calendar date "YYYY-MM-DD" that exists (no 31 February), between 2000 and 2100. */
export function isRealDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 2000 || year > 2100) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** "YYYY-MM-DD" to the Date Prisma stores in a @db.Date column (midnight UTC). */
export function dateFromIso(value: string): Date {
  return new Date(`${value}T00:00:00.000Z`);
}

const parisOffset = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Paris", timeZoneName: "longOffset" });

/** Minutes Paris is ahead of UTC at that instant (60 in winter, 120 in summer). */
function parisOffsetMinutes(instant: Date): number {
  const name = parisOffset.formatToParts(instant).find((part) => part.type === "timeZoneName")?.value ?? "GMT";
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return match ? (match[1] === "-" ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
}

/** The instant a Paris wall-clock time of that day happens. */
function parisTime(day: string, time: string): Date {
  const asUtc = new Date(`${day}T${time}Z`);
  const first = new Date(asUtc.getTime() - parisOffsetMinutes(asUtc) * 60_000);
  // Around a change of hour the offset of the result may differ from the guess: correct once.
  return new Date(asUtc.getTime() - parisOffsetMinutes(first) * 60_000);
}

export const parisStartOfDay = (day: string) => parisTime(day, "00:00:00.000");
export const parisEndOfDay = (day: string) => parisTime(day, "23:59:59.000");

/** The Paris calendar date of an instant, "YYYY-MM-DD" (for a form's default value). */
export function parisDay(instant: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" }).format(instant);
}
