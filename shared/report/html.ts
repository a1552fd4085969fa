// Self-contained HTML report (`parallax compare --format html`). Inline CSS
// only, no scripts, and a CSP that forbids loading anything, so a report
// opened from disk cannot run or fetch whatever the article text contains.
// Every string from the input is escaped; statuses carry a symbol and a word
// as well as a colour.
import type { CompareResult, FactChange, FactRow, Version, WordPiece } from '../engine/types';
import type { BaseRow, ReportView, SentenceFate } from './view';
import { buildView, CELL_MARK, idList, LINK_MARK, oneLine, percent, splitSpace, versionIndex, versionName } from './view';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** Escaped, on one line. */
function h(text: string): string {
  return escapeHtml(oneLine(text));
}

const CSP = "default-src 'none'; style-src 'unsafe-inline'";

const STYLE = `
body{font:15px/1.5 system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a;background:#fff}
h1{font-size:1.5rem}h2{margin-top:2.5rem;border-bottom:1px solid #ccc}
table{border-collapse:collapse;margin:1rem 0;width:100%}th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f2f2f2}blockquote{margin:1rem 0 .3rem;padding:.3rem .8rem;border-left:4px solid #888;background:#f7f7f7}
ul.fates{margin:.2rem 0 1rem;padding-left:1.2rem}.id{font:12px monospace;color:#555}
.mark{display:inline-block;min-width:1.2em;font-weight:bold}
.identical,.verbatim{color:#245c2a}.reworded{color:#6a4b00}.changed{color:#a0181e}.absent{color:#555}
ins{background:#d9f2dd;text-decoration:underline}del{background:#f9dcdc;text-decoration:line-through}
ins::before{content:"+";font-size:.75em;vertical-align:super}del::before{content:"\\2212";font-size:.75em;vertical-align:super}
.conflict{font-weight:bold;color:#a0181e}.note{padding:.5rem;border:2px dashed #a0181e}
`;

export function renderHtml(result: CompareResult): string {
  const view = buildView(result);
  const title = `Parallax comparison: ${view.base.title ?? view.base.label}`;
  const body = [
    header(result, view, title),
    versionsTable(result.versions),
    baseSentences(view),
    addedSentences(view),
    factsTable(result),
    provenanceTable(result),
    removedTable(view),
  ].join('\n');
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${h(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function header(result: CompareResult, view: ReportView, title: string): string {
  const meta = `${result.versions.length} versions · base version ${h(versionName(view.base))} · engine ${h(result.engine.version)} · schema ${h(result.schema)}`;
  const budget = result.engine.budgetExceeded.length === 0 ? '' :
    `\n<p class="note"><strong>Note:</strong> the time budget ran out in ${h(result.engine.budgetExceeded.join(', '))}; those steps used a cheaper, less precise method.</p>`;
  return `<h1>${h(title)}</h1>\n<p>${meta}</p>${budget}`;
}

function table(head: string[], rows: string[][]): string {
  const headRow = `<tr>${head.map((c) => `<th scope="col">${c}</th>`).join('')}</tr>`;
  const bodyRows = rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`);
  return `<table>\n<thead>${headRow}</thead>\n<tbody>\n${bodyRows.join('\n')}\n</tbody>\n</table>`;
}

function versionsTable(versions: Version[]): string {
  const rows = versions.map((v) => [
    h(versionName(v)),
    v.title === null ? '<em>(no title)</em>' : h(v.title),
    h(v.source),
    String(v.sentences.length),
    String(v.removed.length),
  ]);
  return `<h2>Versions</h2>\n${table(['Version', 'Title', 'Source', 'Sentences', 'Removed lines'], rows)}`;
}

function badge(kind: string, mark: string): string {
  return `<span class="${h(kind)}"><span class="mark" aria-hidden="true">${h(mark)}</span>${h(kind)}</span>`;
}

function baseSentences(view: ReportView): string {
  const legend = `<p>Legend: ${(['identical', 'reworded', 'changed', 'absent'] as const).map((k) => badge(k, LINK_MARK[k])).join(' · ')} · “moved” = out of reading order · word diffs: <ins>added</ins> <del>dropped</del></p>`;
  const body = view.rows.length === 0 ? '<p><em>The base version has no sentences.</em></p>' : view.rows.map(baseRow).join('\n');
  return `<h2>Base version ${h(versionName(view.base))}, sentence by sentence</h2>\n${legend}\n${body}`;
}

function baseRow(row: BaseRow): string {
  const quote = `<blockquote><span class="id">${h(row.sentence.id)}</span> ${h(row.sentence.text)}</blockquote>`;
  return `${quote}\n<ul class="fates">\n${row.fates.map((f) => `<li>${fateItem(f)}</li>`).join('\n')}\n</ul>`;
}

function fateItem(fate: SentenceFate): string {
  const who = `<strong>${h(versionName(fate.version))}</strong>`;
  const link = fate.link;
  if (!link) return `${who}: ${badge('absent', LINK_MARK.absent)}`;
  const where = `<span class="id">${h(idList(link.other))}</span>${link.moved ? ', moved' : ''}`;
  const status = `${who}: ${badge(link.kind, LINK_MARK[link.kind])} (${where})`;
  if (fate.continued) return `${status}, together with ${h(link.base[0] ?? '')} above`;
  if (link.kind === 'identical') return status;
  const parts = [status];
  if (link.changes.length > 0) parts.push(`facts: ${link.changes.map(changeHtml).join('; ')}`);
  parts.push(link.words ? `<q>${wordDiff(link.words)}</q>` : '<em>(too different for a word-by-word diff)</em>');
  return parts.join(' — ');
}

function changeHtml(change: FactChange): string {
  const side = (text: string | null): string => (text === null ? '(none)' : `“${h(text)}”`);
  return `${h(change.kind)} ${side(change.a)} → ${side(change.b)}`;
}

function wordDiff(words: WordPiece[]): string {
  return words
    .map((w) => {
      const { lead, core, trail } = splitSpace(w.text);
      const text = h(core);
      const marked = w.op === '+' ? `<ins>${text}</ins>` : w.op === '-' ? `<del>${text}</del>` : text;
      return `${lead ? ' ' : ''}${marked}${trail ? ' ' : ''}`;
    })
    .join('')
    .trim();
}

function addedSentences(view: ReportView): string {
  const blocks = view.added.map(({ version, sentences }) => {
    const title = `<h3>Only in ${h(versionName(version))} (${sentences.length})</h3>`;
    if (sentences.length === 0) return `${title}\n<p><em>Nothing beyond the base version.</em></p>`;
    const items = sentences.map((s) => `<li><span class="id">${h(s.id)}</span> ${h(s.text)}</li>`);
    return `${title}\n<ul>\n${items.join('\n')}\n</ul>`;
  });
  const body = blocks.length === 0 ? '<p><em>Only one version.</em></p>' : blocks.join('\n');
  return `<h2>Sentences not in the base version</h2>\n${body}`;
}

function factsTable(result: CompareResult): string {
  if (result.facts.length === 0) return '<h2>Facts</h2>\n<p><em>No facts found.</em></p>';
  const legend = `<p>Legend: ${(['verbatim', 'reworded', 'changed', 'absent'] as const).map((k) => badge(k, CELL_MARK[k])).join(' · ')} · <span class="conflict">⚠ conflict</span></p>`;
  const byId = versionIndex(result);
  const head = ['Fact', 'Kind', ...result.versions.map((v) => h(versionName(v))), 'Conflicts'];
  const rows = result.facts.map((row) => [
    `<span class="id">${h(row.id)}</span> ${h(row.summary)}`,
    h(row.kind),
    ...result.versions.map((v) => factCell(row, v.id)),
    conflictHtml(row, byId),
  ]);
  return `<h2>Facts</h2>\n${legend}\n${table(head, rows)}`;
}

function factCell(row: FactRow, versionId: string): string {
  const cell = row.cells[versionId];
  if (!cell) return badge('absent', CELL_MARK.absent);
  const text = cell.text === undefined ? '' : ` “${h(cell.text)}”`;
  return `${badge(cell.status, CELL_MARK[cell.status])}${text}`;
}

function conflictHtml(row: FactRow, byId: Map<string, Version>): string {
  if (row.conflicts.length === 0) return '';
  const conflicts = row.conflicts.map((conflict) =>
    conflict.values.map((v) => `“${h(v.text)}” (${h(v.versions.map((id) => byId.get(id)?.label ?? id).join(', '))})`).join(' vs '),
  );
  return `<span class="conflict">⚠ conflict:</span> ${conflicts.join('; ')}`;
}

function provenanceTable(result: CompareResult): string {
  const byId = versionIndex(result);
  const name = (id: string): string => h(byId.has(id) ? versionName(byId.get(id)!) : id);
  const rows = result.pairs.map((p) => [`${name(p.a)} ↔ ${name(p.b)}`, percent(p.copied), String(p.links.length), String(p.onlyA.length), String(p.onlyB.length)]);
  const intro = '<p>Copied: share of the shorter version’s words that sit in long verbatim runs shared with the other.</p>';
  return `<h2>Provenance</h2>\n${intro}\n${table(['Pair', 'Copied', 'Linked', 'Only in first', 'Only in second'], rows)}`;
}

function removedTable(view: ReportView): string {
  const rows = view.removed.map(({ version, total, byReason }) => [
    h(versionName(version)),
    String(total),
    h(Object.entries(byReason).map(([reason, count]) => `${reason} ${count}`).join(', ') || '—'),
  ]);
  return `<h2>Removed page chrome</h2>\n${table(['Version', 'Lines removed', 'By reason'], rows)}`;
}
