// Bad input (a config, catalog, snapshot, key file, flag...) as data: the file, the field and what is
// wrong. Every error the user can fix extends InputError, and the CLI maps it to exit code 2 wherever it
// was thrown, so no list of error classes has to be kept in step.

export interface InputProblem {
  /** The file, or the flag or environment variable when the input came from there. */
  file: string;
  /** Dotted path of the field, when the problem is inside the file. */
  field?: string;
  message: string;
}

export function formatInputProblem(p: InputProblem): string {
  return p.field === undefined ? `${p.file}: ${p.message}` : `${p.file}: field "${p.field}": ${p.message}`;
}

export class InputError extends Error {
  readonly problems: readonly InputProblem[];

  constructor(problems: InputProblem | readonly InputProblem[]) {
    const list: readonly InputProblem[] = Array.isArray(problems) ? problems : [problems as InputProblem];
    super(list.map(formatInputProblem).join('\n'));
    this.name = new.target.name;
    this.problems = list;
  }
}
