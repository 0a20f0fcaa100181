/**
 * ISO 8601 dates as other tools write them, to milliseconds since the epoch: calendar dates in
 * the extended (2026-01-02) or basic (20260102) form, alone or with a time (T or a space)
 * of hours, minutes or seconds with a decimal fraction (. or ,), and a zone of Z, ±hh, ±hhmm
 * or ±hh:mm. A date or time without a zone is read as UTC: the file cannot say which zone its
 * writer meant, and UTC is what every tool we read writes. `Date.parse` accepts some of these
 * and reads others by the local zone or not at all, so the forms are matched here.
 */
const ISO =
  /^(\d{4})(-?)(\d{2})\2(\d{2})(?:[T ](\d{2})(?::?(\d{2})(?::?(\d{2}))?)?(?:[.,](\d+))?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/;

/** The instant `text` names, or undefined when it is not an ISO 8601 date or date-time. */
export function parseIsoDate(text: string): number | undefined {
  const m = ISO.exec(text.trim());
  if (!m) return undefined;
  const [year, month, day, hour = 0, minute = 0, second = 0] = [m[1], m[3], m[4], m[5], m[6], m[7]].map((v) => (v === undefined ? undefined : Number(v))) as number[];
  if (month! < 1 || month! > 12 || day! < 1 || day! > daysIn(year!, month!) || hour! > 24 || minute! > 59 || second! > 60) return undefined;
  if (hour === 24 && (minute || second || Number(m[8] ?? 0))) return undefined;
  const fraction = m[8] ? Number(`0.${m[8]}`) : 0;
  // The fraction belongs to the smallest unit written (hours, minutes or seconds).
  const unitMs = m[7] !== undefined ? 1_000 : m[6] !== undefined ? 60_000 : 3_600_000;
  const local = Date.UTC(year!, month! - 1, day!, hour, minute, Math.min(second!, 59)) + Math.round(fraction * unitMs);
  return local - offsetMs(m[9]);
}

function offsetMs(zone: string | undefined): number {
  if (!zone || zone === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0)) * 60_000;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
