/**
 * Zones whose rules catch day arithmetic out, for tests that check a rule all year round: UTC and
 * whole-hour DST zones, offsets of :30 and :45 (Kolkata, Chatham, St John's), a 30-minute DST
 * (Lord Howe), clocks that change at midnight (Santiago), and both sides of the date line
 * (Kiritimati at +14, Pago Pago at −11).
 */
export const TRICKY_ZONES = [
  "UTC",
  "America/New_York",
  "Europe/Berlin",
  "Asia/Kolkata",
  "Pacific/Chatham",
  "America/Santiago",
  "Australia/Lord_Howe",
  "America/St_Johns",
  "Pacific/Kiritimati",
  "Pacific/Pago_Pago",
] as const;
