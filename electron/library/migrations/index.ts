// The ordered registry of schema steps. Append new steps at the end; never
// edit or reorder a step that has shipped.
import type { Migration } from './migration';
import { migration as initial } from './0010-initial';
import { migration as versionKeys } from './0020-version-keys';

export type { Migration } from './migration';

export const MIGRATIONS: readonly Migration[] = [initial, versionKeys];
