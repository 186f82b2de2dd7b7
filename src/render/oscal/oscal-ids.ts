// Deterministic identifiers for the OSCAL document: UUID v5 derived from the run and the content, so
// rendering the same run twice gives the same document; tokens for OSCAL's NCName-shaped ids.
import { v5 as uuidv5 } from 'uuid';

/** Proofline's UUID v5 namespace for OSCAL objects (itself uuidv5('proofline.oscal', URL namespace)). */
export const PROOFLINE_OSCAL_NAMESPACE = uuidv5('https://proofline.dev/oscal', uuidv5.URL);

export function oscalUuid(runId: string, ...parts: string[]): string {
  return uuidv5([runId, ...parts].join('\u001f'), PROOFLINE_OSCAL_NAMESPACE);
}

/** OSCAL tokens must look like NCNames: requirement ids such as "Art. 32(1)" become "gdpr_Art.-32-1". */
export function oscalToken(...parts: string[]): string {
  const raw = parts.join('_').replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/-+$/g, '');
  return /^(\p{L}|_)/u.test(raw) ? raw : `_${raw}`;
}
