// Catalog problems are data (file, field, message) so that all of them can be shown at once.
export interface CatalogProblem {
  file: string;
  field: string;
  message: string;
}

export class CatalogError extends Error {
  constructor(readonly problems: CatalogProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'CatalogError';
  }
}

export function formatProblem(p: CatalogProblem): string {
  return `${p.file}: field "${p.field}": ${p.message}`;
}
