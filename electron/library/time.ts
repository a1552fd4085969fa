// Timestamps the library writes: ISO 8601 UTC strings in the database (they
// sort as text), and a file-name-safe form for backups and moved-aside files.

export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/** "2025-11-22T03:05:01.123Z" */
export function isoTimestamp(date: Date): string {
  return date.toISOString();
}

/** "2025-11-22T03-05-01-123Z": no colons, which Windows forbids in names. */
export function fileStamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}
