// Storing one imported text: where it goes (an existing story, a story found
// or created by name, or a new story), the single transaction that writes it
// with its fingerprint, and the stories to suggest for it. Shared by file
// imports (import-files.ts) and pasted text; free of the file parsers, so
// the command line's main thread can use it without loading jsdom or pdf.js.
import { pastedFields, storyTitle } from './document-version';
import type { VersionFields } from './document-version';
import { guard, isLibraryError, LibraryError } from './errors';
import { contentHash } from './hash';
import type { Library } from './library';
import { fingerprintText, setVersionKeys, suggestionsFor } from './version-keys';

export interface Suggestion {
  storyId: number;
  title: string;
  /** Fact keys the imported versions share with the story. */
  shared: number;
  /** That share of the imported versions' keys, in [0, 1]. */
  share: number;
}

export interface TextImport {
  status: 'added' | 'duplicate';
  versionId: number;
  storyId: number;
  suggestions: Suggestion[];
}

/** Where versions go: an existing story, a story to find or create by name, or a new story. */
export class Target {
  id: number | null;
  created = false;

  constructor(
    private readonly library: Library,
    private readonly name: string | null,
    id: number | null,
  ) {
    this.id = id;
  }

  static resolve(library: Library, story: number | string | undefined): Target {
    if (story === undefined) return new Target(library, null, null);
    if (typeof story === 'number') {
      if (!library.stories.get(story)) throw new LibraryError('not-found', library.file, `story ${story} does not exist`);
      return new Target(library, null, story);
    }
    const name = story.trim();
    if (name === '') throw new LibraryError('invalid', library.file, 'a story name cannot be blank');
    const target = new Target(library, name, null);
    target.id = target.findByName();
    return target;
  }

  /** Ids of the stories with exactly this title; more than one cannot be told apart by name. */
  private findByName(): number | null {
    const ids = guard(this.library.file, () => this.library.db.prepare('SELECT id FROM stories WHERE title = ? ORDER BY id LIMIT 3').pluck().all(this.name) as number[]);
    if (ids.length > 1) {
      throw new LibraryError('invalid', this.library.file, `several stories are named "${this.name}" (#${ids.join(', #')}); give a story id instead`);
    }
    return ids[0] ?? null;
  }

  /** The story reference for `versions.add`; call inside the file's transaction. */
  ref(fields: VersionFields): { id: number } | { title: string } {
    // Another program may have created the named story since the last file.
    if (this.id === null && this.name !== null) this.id = this.findByName();
    if (this.id !== null) return { id: this.id };
    return { title: this.name ?? storyTitle(fields) };
  }

  /** The story, creating the named one now if it does not exist yet. */
  ensure(): number {
    if (this.id === null) {
      this.id = this.library.stories.create(this.name ?? 'Imported files').id;
      this.created = true;
    }
    return this.id;
  }
}

/** The story's title for the report; a library failing right now only costs the title. */
export function titleOf(library: Library, storyId: number | null): string | null {
  if (storyId === null) return null;
  try {
    return library.stories.get(storyId)?.title ?? null;
  } catch (error) {
    if (isLibraryError(error)) return null;
    throw error;
  }
}

/** The version, its outlet and keys and (first time) its story, as one transaction. */
export function store(library: Library, fields: VersionFields, keys: readonly string[], target: Target): { status: 'added' | 'duplicate'; versionId: number; storyId: number } {
  let createdStory = false;
  const added = library.transaction(() => {
    const story = target.ref(fields);
    const result = library.versions.add({ ...fields, story });
    if (result.status === 'added') {
      setVersionKeys(library, result.versionId, keys);
      createdStory = 'title' in story;
    }
    return result;
  });
  // Only once committed: a rolled-back story must not become the target.
  if (createdStory) {
    target.id = added.storyId;
    target.created = true;
  }
  return added;
}

/** Stories other than `ownStory` that `keys` share facts with, best first, with their titles. */
export function suggest(library: Library, keys: string[], ownStory: number): Suggestion[] {
  if (keys.length === 0) return [];
  return suggestionsFor(library, keys, { excludeStoryIds: [ownStory] }).flatMap((s) => {
    const story = library.stories.get(s.storyId);
    return story ? [{ storyId: s.storyId, title: story.title, shared: s.shared, share: s.share }] : [];
  });
}

/** Imports pasted text as a version of a new story (or of `story`); throws LibraryError. */
export function importText(library: Library, text: string, options: { label: string; story?: number | string }): TextImport {
  const target = Target.resolve(library, options.story);
  const fields = pastedFields(text, options.label);
  const known = library.versions.findByHash(contentHash(text));
  if (known) return { status: 'duplicate', versionId: known.id, storyId: known.storyId, suggestions: [] };
  const keys = fingerprintText(text);
  const added = store(library, fields, keys, target);
  const suggestions = options.story === undefined && added.status === 'added' ? suggest(library, keys, added.storyId) : [];
  return { ...added, suggestions };
}
