// The crosswalk: per control, its mappings in each framework side by side (requirement and strength).
import { FRAMEWORK_IDS, type FrameworkId, type Mapping, type MappingStrength } from './catalog-schema.ts';

export interface CrosswalkRow {
  id: string;
  title: string;
  automation: 'automated' | 'manual';
  /** Per framework (only those asked for), the requirements the control maps to, in catalog file order. */
  frameworks: Partial<Record<FrameworkId, { requirement: string; strength: MappingStrength }[]>>;
}

interface MappedControl {
  id: string;
  title: string;
  automation: 'automated' | 'manual';
  mappings: readonly Pick<Mapping, 'framework' | 'requirement' | 'strength'>[];
}

export function crosswalk(controls: readonly MappedControl[], frameworks: readonly FrameworkId[] = FRAMEWORK_IDS): CrosswalkRow[] {
  const selected = FRAMEWORK_IDS.filter((fw) => frameworks.includes(fw));
  return controls.map((c) => ({
    id: c.id,
    title: c.title,
    automation: c.automation,
    frameworks: Object.fromEntries(selected.map((fw) => [fw, c.mappings.filter((m) => m.framework === fw).map((m) => ({ requirement: m.requirement, strength: m.strength }))])),
  }));
}

/** One cell of the crosswalk: "Art. 12(1) (primary); Art. 72(2) (supporting)", or empty when the control maps to nothing there. */
export function crosswalkCell(mappings: readonly { requirement: string; strength: MappingStrength }[] | undefined): string {
  return (mappings ?? []).map((m) => `${m.requirement} (${m.strength})`).join('; ');
}
