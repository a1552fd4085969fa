// Look-up tables keyed by words from the text. A plain object literal would
// answer "constructor" or "__proto__" from Object.prototype, so every table
// is built without a prototype.

/** A prototype-free copy of `entries`, safe to index with any word. */
export function table<T>(entries: Record<string, T>): Readonly<Record<string, T | undefined>> {
  return Object.assign(Object.create(null) as Record<string, T>, entries);
}
