// Markdown report of a comparison (`parallax compare --format md`). Article
// text is escaped so it can never turn into markup, links or raw HTML when
// the report is rendered; word diffs use the wdiff notation {+added+} [-dropped-].
import type { CompareResult, FactChange, FactRow, Version, WordPiece } from '../engine/types';
import type { BaseRow, ReportView, SentenceFate } from './view';
import { buildView, CELL_MARK, idList, LINK_MARK, oneLine, percent, splitSpace, versionIndex, versionName } from './view';

/**
 * Backslash-escapes every character that could start inline markup, HTML or a
 * table cell break, and flattens line breaks (a sentence may span lines).
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/[\\`*_{}[\]<>|~&]/g, '\\$&');
}

/** Escaped and trimmed: for whole sentences, titles and fact texts. */
function md(text: string): string {
  return escapeMarkdown(oneLine(text));
}

export function renderMarkdown(result: CompareResult): string {
  const view = buildView(result);
  const sections = [
    header(result, view),
    versionsTable(result.versions),
    baseSentences(view),
    addedSentences(view),
    factsTable(result),
    provenanceTable(result),
    removedTable(view),
  ];
  return `${sections.join('\n\n')}\n`;
}

function header(result: CompareResult, view: ReportView): string {
  const lines = [
    `# Parallax comparison: ${md(view.base.title ?? view.base.label)}`,
    '',
    `${result.versions.length} versions · base version ${md(versionName(view.base))} · engine ${md(result.engine.version)} · schema ${result.schema}`,
  ];
  if (result.engine.budgetExceeded.length > 0) {
    lines.push('', `> **Note:** the time budget ran out in ${md(result.engine.budgetExceeded.join(', '))}; those steps used a cheaper, less precise method.`);
  }
  return lines.join('\n');
}

function table(head: string[], rows: string[][]): string {
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

function versionsTable(versions: Version[]): string {
  const rows = versions.map((v) => [
    md(versionName(v)),
    v.title === null ? '_(no title)_' : md(v.title),
    md(v.source),
    String(v.sentences.length),
    String(v.removed.length),
  ]);
  return `## Versions\n\n${table(['Version', 'Title', 'Source', 'Sentences', 'Removed lines'], rows)}`;
}

function baseSentences(view: ReportView): string {
  const legend =
    `Legend: ${LINK_MARK.identical} identical · ${LINK_MARK.reworded} reworded · ${LINK_MARK.changed} changed (facts differ) · ` +
    `${LINK_MARK.absent} absent · "moved" = out of reading order. Word diffs: {+added+} \\[-dropped-\\].`;
  const body = view.rows.length === 0 ? '_The base version has no sentences._' : view.rows.map(baseRow).join('\n\n');
  return `## Base version ${md(versionName(view.base))}, sentence by sentence\n\n${legend}\n\n${body}`;
}

function baseRow(row: BaseRow): string {
  const quote = `**${row.sentence.id}** ${md(row.sentence.text)}`;
  const fates = row.fates.map((fate) => `- ${fateLine(fate)}`);
  return [`> ${quote}`, '', ...fates].join('\n');
}

function fateLine(fate: SentenceFate): string {
  const who = `**${md(versionName(fate.version))}**`;
  const link = fate.link;
  if (!link) return `${who}: ${LINK_MARK.absent} absent`;
  const where = `${idList(link.other)}${link.moved ? ', moved' : ''}`;
  const status = `${who}: ${LINK_MARK[link.kind]} ${link.kind} (${where})`;
  if (fate.continued) return `${status}, together with ${link.base[0]} above`;
  if (link.kind === 'identical') return status;
  const parts = [status];
  if (link.changes.length > 0) parts.push(`facts: ${link.changes.map(changeText).join('; ')}`);
  parts.push(link.words ? wordDiff(link.words) : '_(too different for a word-by-word diff)_');
  return parts.join(' — ');
}

export function changeText(change: FactChange): string {
  const side = (text: string | null): string => (text === null ? '(none)' : `“${md(text)}”`);
  return `${change.kind} ${side(change.a)} → ${side(change.b)}`;
}

// Pieces carry the whitespace before their first word; it is kept outside the
// markers so "[-small-] {+big+}" reads naturally.
function wordDiff(words: WordPiece[]): string {
  return words
    .map((w) => {
      const { lead, core, trail } = splitSpace(w.text);
      const text = escapeMarkdown(core);
      const marked = w.op === '+' ? `{+${text}+}` : w.op === '-' ? `[-${text}-]` : text;
      return `${lead ? ' ' : ''}${marked}${trail ? ' ' : ''}`;
    })
    .join('')
    .trim();
}

function addedSentences(view: ReportView): string {
  const blocks = view.added.map(({ version, sentences }) => {
    const title = `### Only in ${md(versionName(version))} (${sentences.length})`;
    if (sentences.length === 0) return `${title}\n\n_Nothing beyond the base version._`;
    return `${title}\n\n${sentences.map((s) => `- **${s.id}** ${md(s.text)}`).join('\n')}`;
  });
  const body = blocks.length === 0 ? '_Only one version._' : blocks.join('\n\n');
  return `## Sentences not in the base version\n\n${body}`;
}

function factsTable(result: CompareResult): string {
  const legend = `Legend: ${CELL_MARK.verbatim} verbatim · ${CELL_MARK.reworded} reworded · ${CELL_MARK.changed} changed · ${CELL_MARK.absent} absent · ⚠ conflict.`;
  if (result.facts.length === 0) return `## Facts\n\n_No facts found._`;
  const byId = versionIndex(result);
  const head = ['Fact', 'Kind', ...result.versions.map((v) => md(versionName(v))), 'Conflicts'];
  const rows = result.facts.map((row) => [
    `${row.id}: ${md(row.summary)}`,
    row.kind,
    ...result.versions.map((v) => factCell(row, v.id)),
    conflictText(row, byId),
  ]);
  return `## Facts\n\n${legend}\n\n${table(head, rows)}`;
}

function factCell(row: FactRow, versionId: string): string {
  const cell = row.cells[versionId];
  if (!cell) return `${CELL_MARK.absent} absent`;
  const text = cell.text === undefined ? '' : ` “${md(cell.text)}”`;
  return `${CELL_MARK[cell.status]} ${cell.status}${text}`;
}

function conflictText(row: FactRow, byId: Map<string, Version>): string {
  if (row.conflicts.length === 0) return '';
  const conflicts = row.conflicts.map((conflict) =>
    conflict.values
      .map((v) => `“${md(v.text)}” (${md(v.versions.map((id) => byId.get(id)?.label ?? id).join(', '))})`)
      .join(' vs '),
  );
  return `⚠ ${conflicts.join('; ')}`;
}

function provenanceTable(result: CompareResult): string {
  const byId = versionIndex(result);
  const name = (id: string): string => md(byId.has(id) ? versionName(byId.get(id)!) : id);
  const rows = result.pairs.map((p) => [`${name(p.a)} ↔ ${name(p.b)}`, percent(p.copied), String(p.links.length), String(p.onlyA.length), String(p.onlyB.length)]);
  const intro = 'Copied: share of the shorter version’s words that sit in long verbatim runs shared with the other.';
  return `## Provenance\n\n${intro}\n\n${table(['Pair', 'Copied', 'Linked', 'Only in first', 'Only in second'], rows)}`;
}

function removedTable(view: ReportView): string {
  const rows = view.removed.map(({ version, total, byReason }) => [
    md(versionName(version)),
    String(total),
    Object.entries(byReason).map(([reason, count]) => `${reason} ${count}`).join(', ') || '—',
  ]);
  return `## Removed page chrome\n\n${table(['Version', 'Lines removed', 'By reason'], rows)}`;
}
