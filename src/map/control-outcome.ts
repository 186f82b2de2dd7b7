// A control's status once attested evidence is taken into account: a manual control with current
// attested evidence reads `attested`, with evidence past its renewal date `expired`. Evaluation
// (src/evaluate) never produces these two; only attestations do.
import type { ControlStatus } from '../evaluate/control-status.ts';

export type ControlOutcome = ControlStatus | 'attested' | 'expired';

export const CONTROL_OUTCOMES: readonly ControlOutcome[] = ['pass', 'fail', 'unknown', 'not_applicable', 'manual', 'attested', 'expired'];
