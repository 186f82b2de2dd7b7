// Layer check (`npm run layers`, run by .ci/run): src/ folders form layers that import only downwards.
// LAYERS is the order, lowest first; a folder may import its own layer and any layer before it.
// A new src/ folder must be placed here, or the check fails ("src-folder-has-a-layer").
const LAYERS = [
  'util', //           hashing, stable JSON, input errors, read-validate / write-atomically, tool version
  'catalog', //        controls/ schema and loader
  'config', //         proofline.config.yaml schema and loader
  'manual-evidence', //attested files (an input)
  'collect', //        clients, collectors, evidence records, snapshots
  'evaluate', //       rules and the fail-closed engine; the project catalog (catalog + rules + collectors)
  'map', //            requirement roll-up
  'results', //        the results model
  'exceptions', //     accepted risks applied to results (an input)
  'sign', //           signing identities, CMS, PDF signatures
  'render', //         results.json, PDF, XLSX, OSCAL
  'package', //        package folder: write, manifest, sign step, verify, zip
  'run', //            one evidence run: inputs, collect, evaluate, map, results
  'deliver', //        S3 evidence locker, notifications
  'history', //        run history, retention, period reports, diff
  'schedule', //       cron, scheduled job
  'cli', //            the only place that prints for people or exits
];

const folder = (names) => `^src/(${names.join('|')})/`;

module.exports = {
  forbidden: [
    ...LAYERS.slice(0, -1).map((layer, i) => ({
      name: `layer-${layer}`,
      comment: `src/${layer} may import only ${LAYERS.slice(0, i).join(', ') || 'no other src folder'} (layers point down; see DEVELOPING.md)`,
      severity: 'error',
      from: { path: folder([layer]) },
      to: { path: folder(LAYERS.slice(i + 1)) },
    })),
    {
      name: 'src-folder-has-a-layer',
      comment: 'every src/ folder has a place in LAYERS (.dependency-cruiser.cjs)',
      severity: 'error',
      from: { path: '^src/', pathNot: `${folder(LAYERS)}|^src/[^/]+$` },
      to: { path: '.' },
    },
    {
      name: 'no-rule-imports-a-collector',
      comment: 'rules judge recorded evidence; collector files (and the SDK commands they load) stay out of src/evaluate',
      severity: 'error',
      from: { path: '^src/evaluate/', pathNot: '^src/evaluate/load-project-catalog\\.ts$' },
      to: { path: '^src/collect/(services/|services\\.ts$|collector-registry\\.ts$|client-factory\\.ts$)' },
    },
    {
      name: 'flag-checks-load-no-pipeline',
      comment: 'a command checks its flags before it loads the pipeline: run, record and schedule and their flag modules import the pipeline only dynamically (*-action.ts)',
      severity: 'error',
      from: { path: '^src/cli/commands/(run|record|schedule|run-flags|record-flags|schedule-flags|source-flags)\\.ts$' },
      to: { path: '^src/(collect/(services/|live/(?!retry-settings)|snapshot/)|evaluate|run|package|render|sign|history|schedule|deliver)', dynamic: false },
    },
    {
      name: 'no-circular',
      comment: 'no import cycle between modules, also inside a folder',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
