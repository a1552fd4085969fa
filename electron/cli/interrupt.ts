// Ctrl-C during a library command. Compare and batch write nothing until they
// are done, so they can simply stop. An import has already committed the
// files before the current one, so the first Ctrl-C asks it to stop after the
// file in hand (and report what it did); a second one stops at once, which is
// still safe: SQLite drops a transaction that never committed.
let controller: AbortController | null = null;
let wroteToLibrary = false;

/** For a command that can stop cleanly between steps: aborted by the first Ctrl-C. */
export function interruptSignal(): AbortSignal {
  controller = new AbortController();
  return controller.signal;
}

/** Marks the run as one that changes the library, so an interruption does not claim nothing was written. */
export function changesLibrary(): void {
  wroteToLibrary = true;
}

/** Asks a running command to stop cleanly; false when there is none, or it was asked already. */
export function requestStop(): boolean {
  if (!controller || controller.signal.aborted) return false;
  controller.abort();
  return true;
}

/** How the "interrupted" line ends. */
export function interruptedNote(): string {
  return wroteToLibrary ? '; changes committed before it are kept' : '; nothing was written';
}
