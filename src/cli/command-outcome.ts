// Commands return their exit code instead of setting process.exitCode: an action wrapped here records
// what it returned, and runCli hands it to main.ts, the one place that exits.
import { EXIT_OK } from './exit-codes.ts';

let returned: number = EXIT_OK;

/** Wraps a commander action that returns an exit code (nothing means success). */
export function returnsExitCode<A extends unknown[]>(action: (...args: A) => Promise<number | void> | number | void): (...args: A) => Promise<void> {
  return async (...args: A) => {
    returned = (await action(...args)) ?? EXIT_OK;
  };
}

/** The exit code the last action returned; resets it for the next parse. */
export function takeExitCode(): number {
  const code = returned;
  returned = EXIT_OK;
  return code;
}

let promptExit = false;

/**
 * Asks main.ts to end the process as soon as the command returns, even with work still in the event
 * loop: after a stop signal, an abandoned run's calls (sockets, SDK retries) must not keep it alive.
 */
export function exitPromptlyWhenDone(): void {
  promptExit = true;
}

export function shouldExitPromptly(): boolean {
  return promptExit;
}
