// Catalog problems are data (file, field, message) so that all of them can be shown at once.
import { formatInputProblem, InputError, type InputProblem } from '../util/input-error.ts';

export interface CatalogProblem extends InputProblem {
  field: string;
}

export class CatalogError extends InputError {
  declare readonly problems: readonly CatalogProblem[];

  constructor(problems: CatalogProblem[]) {
    super(problems);
    this.name = 'CatalogError';
  }
}

export function formatProblem(p: CatalogProblem): string {
  return formatInputProblem(p);
}
