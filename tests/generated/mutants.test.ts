/**
 * Every starter suite can fail. For each project type a project is generated once; then, for each
 * deliberate bug below, a copy gets that one bug and the project's own tests that cover the file
 * must fail on it (a failing test, not a crash on import). The unmutated project passes the same
 * tests. Each type's base suite carries at least three bugs; the mutants include the three the
 * issue-17 audit found surviving (clearMarks forced to 0, a link left without noreferrer, a
 * version with surrounding spaces). Swift and Kotlin suites need toolchains CI does not have here,
 * so their mirrors of these bugs are not checked.
 * Run one type with: npx vitest run tests/generated/mutants -t mobile-app
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shippedSuites } from '../helpers/content.js';
import { generateProject } from '../helpers/generate.js';
import { mutatedCopy, runTests, type Mutant } from '../helpers/mutants.js';
import { linkNodeModules } from '../helpers/suite-runners.js';

interface TypeMutants {
  type: string;
  runner: 'vitest' | 'pytest';
  /** init's flags: a deep project with every file the mutants touch. */
  flags: Record<string, unknown>;
  /** Mutants by the suite whose tests must catch them. */
  suites: Record<string, Mutant[]>;
}

const TYPES: TypeMutants[] = [
  {
    type: 'browser-extension',
    runner: 'vitest',
    flags: { extManifest: '3', extUiSurfaces: 'popup,options', extContentScript: true, extBackgroundWorker: true },
    suites: {
      'browser-extension-unit': [
        { name: 'clearMarks reports no link cleared', file: 'src/content/links.ts', from: '  return cleared;', to: '  return 0;', tests: ['tests/unit/content-links.test.ts'] },
        { name: 'a link with noopener never gets noreferrer', file: 'src/content/links.ts', from: 'if (missing.length > 0) link.setAttribute', to: 'if (missing.length === SAFE_REL.length) link.setAttribute', tests: ['tests/unit/content-links.test.ts'] },
        { name: 'the popup takes a second click while saving', file: 'src/popup/state.ts', from: "if (state.status !== 'ready' || state.saving) return state;", to: "if (state.status !== 'ready') return state;", tests: ['tests/unit/popup-state.test.ts'] },
        { name: 'settings follow changes in another storage area', file: 'src/settings/settings-store.ts', from: "if (areaName === 'local' && change)", to: 'if (change)', tests: ['tests/unit/settings-store.test.ts'] },
        { name: 'the options page keeps duplicate sites', file: 'src/options/form.ts', from: 'const hosts = [...new Set(entries.map(hostOf))];', to: 'const hosts = entries.map(hostOf);', tests: ['tests/unit/options-form.test.ts'] },
      ],
      'browser-extension-manifest': [
        { name: 'host access to every site', file: 'manifest.json', from: '"host_permissions": ["https://example.com/*"]', to: '"host_permissions": ["<all_urls>"]', tests: ['tests/manifest'] },
      ],
    },
  },
  {
    type: 'library',
    runner: 'vitest',
    flags: { libVisibility: 'public' },
    suites: {
      'library-unit': [
        { name: 'a unit may repeat', file: 'src/duration.ts', from: 'UNIT_MS[unit] >= UNIT_MS[previous]', to: 'UNIT_MS[unit] > UNIT_MS[previous]', tests: ['tests/errors.test.ts'] },
        { name: 'fractions of a millisecond are accepted', file: 'src/duration.ts', from: 'if (scaled % divisor !== 0n) {', to: 'if (scaled % divisor < 0n) {', tests: ['tests/errors.test.ts'] },
        { name: 'one past the largest duration is accepted', file: 'src/duration.ts', from: 'if (total > MAX_MS) {', to: 'if (total > MAX_MS + 1n) {', tests: ['tests/errors.test.ts'] },
        { name: 'negative durations lose their sign', file: 'src/duration.ts', from: "(ms < 0 ? '-' : '')", to: "''", tests: ['tests/format.test.ts'] },
        { name: 'the long style writes "0 millisecond"', file: 'src/duration.ts', from: "${count === 1 ? '' : 's'}", to: "${count > 1 ? 's' : ''}", tests: ['tests/format.test.ts'] },
      ],
    },
  },
  {
    type: 'ml',
    runner: 'pytest',
    flags: { mlPhase: 'both', mlModelType: 'classical', mlServing: 'realtime', mlExperimentTracking: false },
    suites: {
      'ml-unit': [
        { name: 'recall divides by the predicted positives', file: 'src/demo_model/metrics.py', from: '    recall = tp / (tp + fn) if tp + fn else 0.0', to: '    recall = tp / (tp + fp) if tp + fp else 0.0', tests: ['tests/unit/test_metrics.py'] },
        { name: 'the confusion matrix is transposed', file: 'src/demo_model/metrics.py', from: '(y_true.astype(np.int64), y_pred.astype(np.int64))', to: '(y_pred.astype(np.int64), y_true.astype(np.int64))', tests: ['tests/unit/test_metrics.py'] },
        { name: 'a constant column divides by zero', file: 'src/demo_model/features.py', from: '        self.range_ = np.where(spread > 0, spread, 1.0)', to: '        self.range_ = spread', tests: ['tests/unit/test_features.py'] },
        { name: 'softmax overflows on large logits', file: 'src/demo_model/model.py', from: '    shifted = logits - logits.max(axis=1, keepdims=True)', to: '    shifted = logits', tests: ['tests/model'] },
      ],
      'ml-serving': [
        { name: 'one call past the in-flight cap is admitted', file: 'src/demo_model/serving.py', from: 'if self._in_flight >= self.max_in_flight:', to: 'if self._in_flight > self.max_in_flight:', tests: ['tests/smoke/test_prediction_deadline.py'] },
      ],
    },
  },
  {
    type: 'data-pipeline',
    runner: 'pytest',
    flags: { pipelineProcessing: 'batch' },
    suites: {
      'data-pipeline-unit': [
        { name: 'an exact tie keeps the first arrival', file: 'src/demo_model/transforms.py', from: 'version(record) >= version(current)', to: 'version(record) > version(current)', tests: ['tests/unit/test_transforms.py'] },
        { name: 'a timestamp without a timezone is accepted', file: 'src/demo_model/transforms.py', from: 'if parsed.tzinfo is None or parsed.utcoffset() is None:', to: 'if parsed.tzinfo is not None and parsed.utcoffset() is None:', tests: ['tests/unit/test_transforms.py'] },
        { name: 'floats are read at their binary value', file: 'src/demo_model/transforms.py', from: 'value = Decimal(repr(amount))', to: 'value = Decimal(amount)', tests: ['tests/unit/test_transforms.py'] },
        { name: 'cents round half up', file: 'src/demo_model/transforms.py', from: 'rounding=ROUND_HALF_EVEN', to: 'rounding=ROUND_HALF_UP', tests: ['tests/unit/test_transforms.py'] },
      ],
      'data-pipeline-quality': [
        { name: 'the smallest valid amount is rejected', file: 'src/demo_model/validation.py', from: 'if not MIN_AMOUNT <= amount <= MAX_AMOUNT:', to: 'if not MIN_AMOUNT < amount <= MAX_AMOUNT:', tests: ['tests/quality/test_boundary_validation.py'] },
      ],
    },
  },
  {
    type: 'mobile-app',
    runner: 'vitest',
    flags: { mobilePlatform: 'cross-platform', mobileOffline: 'offline-first' },
    suites: {
      'mobile-app-unit': [
        { name: 'a version with surrounding spaces is not trimmed', file: 'src/updates/version-gate.ts', from: '.exec(text.trim())', to: '.exec(text)', tests: ['tests/unit/version-gate.test.ts'] },
        { name: 'the recommended version itself is told to update', file: 'src/updates/version-gate.ts', from: 'compareVersions(running, recommended) < 0', to: 'compareVersions(running, recommended) <= 0', tests: ['tests/unit/version-gate.test.ts'] },
        { name: 'the outbox queues one mutation twice', file: 'src/sync/outbox.ts', from: '    if (this.pending.some((p) => p.mutation.id === mutation.id)) return;\n', to: '', tests: ['tests/unit/outbox.test.ts'] },
        { name: 'a rejected mutation is retried', file: 'src/sync/outbox.ts', from: '!result.retryable || ', to: '', tests: ['tests/unit/outbox.test.ts'] },
        { name: 'a deletion at the same timestamp loses', file: 'src/sync/last-write-wins.ts', from: 'return incoming.deleted === true ? incoming : current;', to: 'return incoming;', tests: ['tests/unit/last-write-wins.test.ts'] },
      ],
    },
  },
];

describe('the mutation check', () => {
  it("covers every project type's base suite with at least three mutants", () => {
    const base = shippedSuites().filter((s) => s.projectType && !s.requires?.length);
    for (const suite of base) {
      const t = TYPES.find((t) => t.type === suite.projectType);
      expect(t?.suites[suite.name]?.length ?? 0, suite.name).toBeGreaterThanOrEqual(3);
    }
  });
});

describe.each(TYPES.map((t) => [t.type, t] as const))('%s starter suites', (_, { type, runner, flags, suites }) => {
  const mutants = Object.entries(suites).flatMap(([suite, list]) => list.map((m) => ({ ...m, suite })));
  let project: string;

  beforeAll(async () => {
    // Made here, not with tempDir(): that one is removed after each test, and the project serves them all.
    project = await generateProject({ type, methodology: 'deep', name: 'demo-model', ...flags }, mkdtempSync(join(tmpdir(), 'scaffold-mutants-')));
    if (runner === 'vitest') linkNodeModules(project);
  }, 60_000);
  afterAll(() => rmSync(project, { recursive: true, force: true }));

  it('pass unmutated, on the tests the mutants run', () => {
    const run = runTests(project, runner, [...new Set(mutants.flatMap((m) => m.tests))]);
    expect(run.failed, run.output).toBe(0);
    expect(run.code, run.output).toBe(0);
    expect(run.passed, run.output).toBeGreaterThan(0);
  });

  it.each(mutants.map((m) => [`${m.suite} catches: ${m.name}`, m] as const))('%s', (_, mutant) => {
    const run = runTests(mutatedCopy(project, mutant), runner, mutant.tests);
    expect(run.failed, `the tests passed with this bug in ${mutant.file}:\n${run.output}`).toBeGreaterThan(0);
    expect(run.code).not.toBe(0);
  });
});
