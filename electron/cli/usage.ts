// The text of `parallax --help`: every command on one screen, since there are
// few enough to read at once.
export const USAGE = `Usage:
  parallax compare FILE FILE... [--base N] [--format json|md|html] [--out PATH]
  parallax compare --story ID [--base N] [--format json|md|html] [--out PATH] [--library PATH]
  parallax batch DIR [--base N] [--out results.jsonl]
  parallax import PATH... [--story ID|NAME] [--library PATH] [--json]
  parallax list [--page N] [--library PATH] [--json]
  parallax search QUERY [--outlet NAME] [--tag NAME] [--from DATE] [--to DATE] [--page N] [--library PATH] [--json]
  parallax backup [--library PATH] [--json]
  parallax export-library --out FILE [--story ID]... [--library PATH] [--json]
  parallax import-library FILE [--library PATH] [--json]
  parallax --help | --version

Compare several versions of one news story fact by fact.

compare   Compares two or more .txt/.md files (UTF-8, UTF-16 or Windows-1252).
          Each version's label is its file name without the extension.
          With --story, compares a library story's versions in story order
          (results are cached in the library; boilerplate decisions apply).
batch     Compares every story in DIR: each subfolder is one story and its
          .txt/.md files, sorted by name, are the versions. Writes one JSON
          line per story, in folder-name order, using every CPU core.

The library (one file holding stories, their versions and annotations):
import    Adds files (.txt .md .html .docx .pdf; folders: every such file in
          them) as versions. Files imported together become one new story,
          unless --story names one: an id, or a name (created if no story has
          it). Texts already in the library are reported as duplicates.
          Suggests existing stories the new one shares facts with.
list      Lists stories, most recently changed first, 50 to a page, with
          each version's id, title, outlet and file.
search    Full-text search: all words must occur; "quoted phrases" match as
          phrases. Ranked by relevance, with a snippet per version.
backup    Writes a verified copy of the library to backups/ beside it.
export-library  Writes the library, or the stories given, to one portable
          file that Parallax (import-library) can read.
import-library  Merges such a file into the library; texts the library
          already holds are not duplicated.

Options:
  --base N       The version the others are compared against, counted from 1
                 in the order given (default 1, the first file).
  --format F     compare output: json (default), md (Markdown) or html.
  --out PATH     Write to PATH instead of standard output. The file appears
                 only once it is complete; nothing is written on failure.
  --library PATH The library file (default: library.sqlite in the Parallax
                 folder of your user data: ~/.config/Parallax on Linux,
                 ~/Library/Application Support/Parallax on macOS,
                 %APPDATA%\\Parallax on Windows).
  --json         Machine-readable output (see docs/library.md).
  -h, --help     Show this help.
  -V, --version  Show the version of parallax and of its engine.

Exit status: 0 success, 1 bad input or failure (nothing written),
2 usage error, 3 batch or import finished but some stories or files failed,
130 import interrupted (files added before the interruption stay added).
Files larger than 20 MB are refused.`;
