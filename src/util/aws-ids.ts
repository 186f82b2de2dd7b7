// AWS identifiers that become parts of file paths (evidence/<account>/<region>/...) and package names.
// They are checked where they enter the product (flags, config, snapshot index, AWS answers), so that
// nothing further down ever sees "../" or a slash in an id.
import { z } from 'zod';
import { InputError, type InputProblem } from './input-error.ts';

/** A 12-digit AWS account id. */
export const ACCOUNT_ID = /^\d{12}$/;
/**
 * An AWS region code: an area AWS uses, then words, then a number (eu-west-1, us-gov-west-1, cn-north-1,
 * us-isob-east-1, eusc-de-east-1, ap-southeast-7). A new area needs one more name here.
 */
export const REGION_NAME = /^(af|ap|ca|cn|eu|eusc|il|me|mx|sa|us)(-[a-z]+){1,3}-\d{1,2}$/;
/** Once-per-account services are collected under this pseudo-region. */
export const GLOBAL_REGION = 'global';

/** The ARN partition of a Region (aws, aws-cn, aws-us-gov, ...). */
export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  if (region.startsWith('us-iso-')) return 'aws-iso';
  if (region.startsWith('us-isob-')) return 'aws-iso-b';
  return 'aws';
}

export class InvalidIdError extends InputError {
  constructor(problems: InputProblem | readonly InputProblem[]) {
    super(problems);
    this.name = 'InvalidIdError';
  }
}

export function isAccountId(value: string): boolean {
  return ACCOUNT_ID.test(value);
}

export function isRegionName(value: string): boolean {
  return value.length <= 32 && REGION_NAME.test(value);
}

const shown = (value: unknown) => JSON.stringify(String(value).slice(0, 80));

/** Throws unless `value` is a 12-digit account id; `where` names the file and field, flag or AWS answer. */
export function checkAccountId(value: unknown, where: string): string {
  if (typeof value !== 'string' || !isAccountId(value)) throw new InvalidIdError({ file: where, message: `${shown(value)} is not a 12-digit AWS account id` });
  return value;
}

/** Throws unless `value` is an AWS region code (or "global" when `allowGlobal`). */
export function checkRegionName(value: unknown, where: string, allowGlobal = false): string {
  if (typeof value === 'string' && (isRegionName(value) || (allowGlobal && value === GLOBAL_REGION))) return value;
  throw new InvalidIdError({ file: where, message: `${shown(value)} is not an AWS region code such as eu-west-1` });
}

export const accountIdSchema = z.string().regex(ACCOUNT_ID, 'must be a 12-digit AWS account id');
export const regionSchema = z.string().max(32).regex(REGION_NAME, 'must be an AWS region code such as eu-west-1');
/** A region, or "global" for once-per-account services (evidence records). */
export const recordRegionSchema = z.string().refine((v) => v === GLOBAL_REGION || isRegionName(v), 'must be an AWS region code such as eu-west-1, or "global"');
