/**
 * Python suites beside a repository's own pytest setup (issue 18): a repository with its own
 * tests/conftest.py (fixtures and a pytest_configure hook), its own [tool.pytest.ini_options]
 * (strict markers, testpaths, markers of its own) and a test using its own fixture gets, from
 * `scaffold init --yes` without --force, suites that pass next to that test. The person's files
 * stay byte for byte as they were, except one marked line in a top-level conftest.py they had.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { findBlock } from '../../src/sync/block.js';
import { generateProject } from '../helpers/generate.js';
import { exists, readFile, tempDir, writeFile } from '../helpers/project.js';
import { runPytest } from '../helpers/suite-runners.js';

const PYPROJECT = `[project]
name = "team-service"
version = "2.4.0"
requires-python = ">=3.11"

[tool.pytest.ini_options]
addopts = "-ra --strict-markers"
testpaths = ["tests"]
markers = ["db: needs the team's in-memory database"]
`;

const TESTS_CONFTEST = `import pytest


def pytest_configure(config):
    config.team_configured = True


@pytest.fixture
def team_db():
    return {"users": ["ada", "grace"]}
`;

const TEAM_TEST = `import pytest


@pytest.mark.db
def test_the_team_fixture_and_hook_still_work(team_db, request):
    assert team_db["users"] == ["ada", "grace"]
    assert request.config.team_configured
`;

/** A top-level conftest.py of the person's own, with a plugin of its own; it then holds Scaffold's one marked line. */
const ROOT_CONFTEST = `import os

os.environ.setdefault("TEAM_SERVICE_ENV", "test")
pytest_plugins = ["team_plugin"]
`;

const TEAM_PLUGIN = `import pytest


@pytest.fixture
def team_token():
    return "t-123"
`;

const TEAM_PLUGIN_TEST = `def test_the_team_plugin_still_loads(team_token):
    assert team_token == "t-123"
`;

const CASES = [
  {
    label: 'ml, deep, with only tests/conftest.py of its own',
    flags: { type: 'ml', name: 'ml-demo', methodology: 'deep', mlPhase: 'both', mlModelType: 'classical', mlServing: 'realtime', mlExperimentTracking: true },
    rootConftest: false,
    bar: 20,
  },
  {
    label: 'data-pipeline, deep, with a top-level conftest.py of its own too',
    flags: { type: 'data-pipeline', name: 'pipeline-demo', methodology: 'deep', pipelineProcessing: 'hybrid', pipelineOrchestration: 'scheduled', pipelineQuality: 'testing', pipelineSchema: 'contracts' },
    rootConftest: true,
    bar: 20,
  },
];

describe.each(CASES)('Python suites beside the repository\'s own pytest setup: $label', ({ flags, rootConftest, bar }) => {
  it('pass without --force, the team\'s own test passes too, and the team\'s files are untouched', async () => {
    const dir = tempDir();
    const own: Record<string, string> = { 'pyproject.toml': PYPROJECT, 'tests/conftest.py': TESTS_CONFTEST, 'tests/test_team.py': TEAM_TEST };
    if (rootConftest) Object.assign(own, { 'conftest.py': ROOT_CONFTEST, 'team_plugin.py': TEAM_PLUGIN, 'tests/test_team_plugin.py': TEAM_PLUGIN_TEST });
    for (const [path, text] of Object.entries(own)) writeFile(dir, path, text);

    await generateProject(flags, dir);

    for (const [path, text] of Object.entries(own)) {
      if (path === 'conftest.py') continue;
      expect(readFile(dir, path), path).toBe(text);
    }
    // The top-level conftest.py: the person's bytes, then one marked line of Scaffold's.
    const block = findBlock(readFile(dir, 'conftest.py'))!;
    expect(block.inner.trimEnd().split('\n')).toEqual([expect.stringMatching(/^pytest_plugins = \[.*"tests\.scaffold_fixtures"\]/)]);
    expect(`${block.before}${block.after}`).toBe(rootConftest ? `${ROOT_CONFTEST}\n` : '');
    expect(exists(dir, 'tests/scaffold_fixtures.py')).toBe(true);

    // The Postgres tests must skip here, whatever the environment running this suite says.
    const { code, output, passed, failed, errors } = runPytest(dir, { PIPELINE_INTEGRATION: undefined });
    expect(failed, output).toBe(0);
    expect(errors, output).toBe(0);
    expect(code, output).toBe(0);
    expect(passed, output).toBeGreaterThanOrEqual(bar);
    expect(output).not.toMatch(/PytestUnknownMarkWarning|ModuleNotFoundError/);

    const team = spawnSync('python3', ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', '-rA', 'tests/test_team.py', ...(rootConftest ? ['tests/test_team_plugin.py'] : [])], {
      cwd: dir, encoding: 'utf8', env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' }, timeout: 55_000,
    });
    expect(team.stdout, team.stderr).toMatch(/PASSED tests\/test_team\.py::test_the_team_fixture_and_hook_still_work/);
    // The person's own pytest_plugins are kept beside Scaffold's.
    if (rootConftest) expect(team.stdout, team.stderr).toMatch(/PASSED tests\/test_team_plugin\.py::test_the_team_plugin_still_loads/);
    expect(team.status).toBe(0);
  });
});
