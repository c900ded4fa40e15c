/**
 * How the importer reports: an `OpenApiImportError` stops the import and says, for each problem,
 * the file, the JSON pointer and what to fix; an `ImportWarning` names a construct Keyport skipped.
 */

/** One problem at one place of the document. */
export interface ImportProblem {
  /** JSON pointer into the document, e.g. `#/paths/~1pets/get`; `#` for the whole document. */
  pointer: string;
  /** What is wrong and what to do about it. */
  message: string;
}

/** Something the document says that Keyport does not support yet; the import goes on without it. */
export type ImportWarning = ImportProblem;

export class OpenApiImportError extends Error {
  override name = 'OpenApiImportError';

  readonly file: string;
  readonly problems: ImportProblem[];

  constructor(file: string, problems: ImportProblem[]) {
    super(`The OpenAPI document ${file} cannot be imported:\n${problems.map((p) => `- ${p.pointer}: ${p.message}`).join('\n')}`);
    this.file = file;
    this.problems = problems;
  }
}

/** A JSON pointer (RFC 6901) from the root, with `~` and `/` escaped in each part. */
export function pointer(...parts: Array<string | number>): string {
  return `#${parts.map((part) => `/${String(part).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('')}`;
}
