// How each framework is named for people, in one place for every renderer, the period report and the
// notifications (they used to disagree: "SOC 2 (TSC 2017)" in the package, "SOC 2" elsewhere).
// The catalog's `label` and `short` of each framework (controls/frameworks/*.yaml); a catalog test keeps them equal.
import type { FrameworkId } from './catalog-schema.ts';

/** Headings and titles: the framework with the edition judged. */
export const FRAMEWORK_NAMES: Record<FrameworkId, string> = {
  gdpr: 'GDPR',
  hipaa: 'HIPAA Security Rule',
  soc2: 'SOC 2 (TSC 2017)',
  euaiact: 'EU AI Act (Regulation (EU) 2024/1689)',
  iso42001: 'ISO/IEC 42001:2023 Annex A',
};

/** Before a requirement id ("HIPAA 164.312(a)(1)") and in sheet names. */
export const FRAMEWORK_SHORT: Record<FrameworkId, string> = { gdpr: 'GDPR', hipaa: 'HIPAA', soc2: 'SOC 2', euaiact: 'EU AI Act', iso42001: 'ISO 42001' };
