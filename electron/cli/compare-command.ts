// `parallax compare FILE... [--base N] [--format json|md|html] [--out PATH]`
import { basename, extname } from 'node:path';
import { compare } from '../../shared/engine/compare';
import type { CompareResult, VersionInput } from '../../shared/engine/types';
import { renderHtml } from '../../shared/report/html';
import { renderMarkdown } from '../../shared/report/markdown';
import { readTextFile } from '../import/read-file';
import type { Format } from './args';
import { UsageError } from './args';
import { checkOutPath, emit } from './output';

export interface CompareArgs {
  files: string[];
  /** 1-based, as typed; null for the first file. */
  base: number | null;
  format: Format;
  out: string | null;
}

export async function runCompare(args: CompareArgs): Promise<number> {
  const base = toEngineBase(args.base, args.files.length);
  if (args.out !== null) checkOutPath(args.out);
  const inputs: VersionInput[] = [];
  // One at a time: the first bad file is reported and nothing else is read.
  for (const file of args.files) inputs.push(await readVersion(file));
  const result = compare(inputs, { base });
  emit(args.out, render(result, args.format));
  return 0;
}

/** Maps the CLI's 1-based --base to the engine's 0-based index. */
export function toEngineBase(base: number | null, count: number): number {
  if (base === null) return 0;
  if (base > count) throw new UsageError(`--base ${base} is out of range: there are ${count} versions`);
  return base - 1;
}

export async function readVersion(path: string): Promise<VersionInput> {
  const { text } = await readTextFile(path);
  return { label: basename(path, extname(path)), source: path, text };
}

export function render(result: CompareResult, format: Format): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(result, null, 2)}\n`;
    case 'md':
      return renderMarkdown(result);
    case 'html':
      return renderHtml(result);
  }
}
