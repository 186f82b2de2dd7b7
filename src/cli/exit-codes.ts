import { InputError, type InputProblem } from '../util/input-error.ts';

export const EXIT_OK = 0;
/** The run could not complete for a reason other than the input. */
export const EXIT_FAILURE = 1;
/** Bad input: config, catalog, snapshot, flags. */
export const EXIT_BAD_INPUT = 2;

/** An error the user can fix; the CLI prints its message and exits with EXIT_BAD_INPUT. */
export class UsageError extends InputError {
  constructor(problems: InputProblem | readonly InputProblem[]) {
    super(problems);
    this.name = 'UsageError';
  }
}
