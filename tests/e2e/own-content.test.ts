/**
 * A project's own knowledge entries and suites (.scaffold/knowledge, .scaffold/suites) and
 * content packs (config.yml `packs:`): selected by overlays like Scaffold's own, rendered,
 * merged, checked by `update --check`, listed and validated, with clear errors.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { exists, readFile, tempDir, writeFile } from '../helpers/project.js';

const PACK = fileURLToPath(new URL('../fixtures/acme-pack', import.meta.url));

const ENTRY = `---
name: team-serving
description: How this team rolls out a new model version behind a flag
topics: [ml, release]
tier: core
---
# Rolling out {{name}}

## Summary

- We serve with {{ml.servingPattern}}.

## Deep Guidance

Test first; {{ref "ml-testing"}} says how.

## Checklist

- [ ] The flag defaults to off.
`;

function project(): string {
  const dir = tempDir();
  writeFile(dir, '.scaffold/knowledge/team-serving.md', ENTRY);
  writeFile(dir, '.scaffold/suites/team-checks/suite.yml', 'name: team-checks\ndescription: Our own release checks\ntier: unit\nstack: python-pytest\nrequires: [ml-unit]\n');
  writeFile(dir, '.scaffold/suites/team-checks/files/tests/test_release_{{packageName}}.py.hbs', 'def test_name():\n    assert "{{name}}" == "team-app"\n');
  writeFile(dir, '.scaffold/overlays/team.yml', 'knowledge: { add: [team-serving] }\nsuites: { add: [team-checks] }\n');
  return dir;
}

const init = (dir: string, ...extra: string[]) =>
  cli(['init', '--yes', '--type', 'ml', '--ml-phase', 'both', '--ml-serving', 'batch', '--name', 'team-app', ...extra], dir);

describe("a project's own entries and suites", () => {
  it('are selected by its overlays, rendered with its answers, and linked to what it selected', () => {
    const dir = project();
    expect(init(dir).code).toBe(0);
    const doc = readFile(dir, 'docs/knowledge/team-serving.md');
    expect(doc).toContain('# Rolling out team-app');
    expect(doc).toContain('We serve with batch.');
    expect(doc).toContain('[ml-testing](ml-testing.md)');
    expect(readFile(dir, 'docs/knowledge/README.md')).toContain('| [team-serving](team-serving.md) |');
    expect(readFile(dir, 'tests/test_release_team_app.py')).toContain('"team-app"');
    expect(cli(['update', '--check'], dir).code).toBe(0);
  });

  it('are inputs: editing one makes update --check fail, and update merges it with the person\'s edits', () => {
    const dir = project();
    init(dir);
    writeFile(dir, 'docs/knowledge/team-serving.md', `${readFile(dir, 'docs/knowledge/team-serving.md')}\nOur own note.\n`);
    writeFile(dir, '.scaffold/knowledge/team-serving.md', ENTRY.replace('The flag defaults to off.', 'The flag defaults to off in production.'));
    const check = cli(['update', '--check'], dir);
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/merge\s+docs\/knowledge\/team-serving.md/);
    expect(cli(['update'], dir).code).toBe(0);
    const doc = readFile(dir, 'docs/knowledge/team-serving.md');
    expect(doc).toContain('defaults to off in production');
    expect(doc).toContain('Our own note.');
  });

  it('are listed as this project\'s', () => {
    const dir = project();
    init(dir);
    const list = cli(['list', 'knowledge', '--type', 'ml'], dir);
    expect(list.stdout).toMatch(/team-serving\s+How this team rolls out.*\[core, this project\]/);
  });

  it('report a bad frontmatter with its file and line, and write nothing', () => {
    const dir = project();
    writeFile(dir, '.scaffold/knowledge/team-serving.md', ENTRY.replace('tier: core', 'tier: central'));
    const run = init(dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('.scaffold/knowledge/team-serving.md:5: tier: expected core|extended, found "central"');
    expect(exists(dir, '.scaffold/config.yml')).toBe(false);
  });

  it('are checked by validate, each problem said once', () => {
    const dir = project();
    expect(init(dir).code).toBe(0);
    writeFile(dir, '.scaffold/knowledge/team-serving.md', ENTRY.replace('tier: core', 'tier: central'));
    const run = cli(['validate'], dir);
    expect(run.code).toBe(2);
    const problem = '.scaffold/knowledge/team-serving.md:5: tier: expected core|extended, found "central"';
    expect(run.stderr.split(problem).length - 1).toBe(1);
  });

  it('may not take a shipped name unless they say replaces: true', () => {
    const dir = project();
    const own = ENTRY.replace('name: team-serving', 'name: ml-testing');
    writeFile(dir, '.scaffold/knowledge/ml-testing.md', own);
    const refused = init(dir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('"ml-testing" is already defined by Scaffold (content/knowledge/ml/ml-testing.md); rename it, or add `replaces: true`');
    writeFile(dir, '.scaffold/knowledge/ml-testing.md', own.replace('tier: core', 'tier: core\nreplaces: true'));
    expect(init(dir).code).toBe(0);
    expect(readFile(dir, 'docs/knowledge/ml-testing.md')).toContain('# Rolling out team-app');
  });
});

describe('content packs', () => {
  /** A project with the fixture pack installed in its node_modules, as `npm install` leaves it. */
  function withPack(): string {
    const dir = tempDir();
    mkdirSync(join(dir, 'node_modules/@acme'), { recursive: true });
    cpSync(PACK, join(dir, 'node_modules/@acme/scaffold-pack'), { recursive: true });
    writeFile(dir, 'answers.yml', 'packs: ["@acme/scaffold-pack"]\n');
    writeFile(dir, 'MODEL_CARD.md', '# Model card\n');
    return dir;
  }

  it("render the pack's entries and suites through its overlays, and a pack upgrade fails update --check", () => {
    const dir = withPack();
    const run = init(dir, '--answers', 'answers.yml');
    expect(run.code, run.stderr).toBe(0);
    expect(readFile(dir, '.scaffold/config.yml')).toContain('- "@acme/scaffold-pack"');
    expect(readFile(dir, 'docs/knowledge/acme-model-review.md')).toContain('Every model team-app ships passes one review.');
    expect(readFile(dir, 'docs/knowledge/README.md')).toContain('pack @acme/scaffold-pack overlays/ml.yml');
    expect(exists(dir, 'tests/test_model_card.py')).toBe(true);
    // The pack's library overlay says nothing to an ml project.
    expect(exists(dir, 'docs/knowledge/library-security.md')).toBe(false);
    expect(cli(['update', '--check'], dir).code).toBe(0);

    const entry = join(dir, 'node_modules/@acme/scaffold-pack/knowledge/ml/acme-model-review.md');
    writeFileSync(entry, readFileSync(entry, 'utf8').replace('signs off every promotion', 'signs off every promotion and every rollback'));
    const check = cli(['update', '--check'], dir);
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/update\s+docs\/knowledge\/acme-model-review.md/);
  });

  it('are listed with their name, and found by a relative path too', () => {
    const dir = withPack();
    init(dir, '--answers', 'answers.yml');
    expect(cli(['list', 'suites', '--type', 'ml'], dir).stdout).toMatch(/acme-model-card\s+Checks that the project keeps a model card \[unit, pack @acme\/scaffold-pack\]/);

    const byPath = tempDir();
    cpSync(PACK, join(byPath, 'packs/acme'), { recursive: true });
    writeFile(byPath, 'answers.yml', 'packs: ["./packs/acme"]\n');
    expect(init(byPath, '--answers', 'answers.yml').code).toBe(0);
    expect(exists(byPath, 'docs/knowledge/acme-model-review.md')).toBe(true);
  });

  it('are validated like shipped content, with the file and line of a problem', () => {
    const dir = withPack();
    init(dir, '--answers', 'answers.yml');
    writeFile(dir, 'node_modules/@acme/scaffold-pack/overlays/ml.yml', 'project-type: ml\nknowledge: { add: [acme-model-reveiw] }\n');
    const run = cli(['validate'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('@acme/scaffold-pack/overlays/ml.yml:2: unknown knowledge entry "acme-model-reveiw" (did you mean acme-model-review?)');
  });

  it('say what to do when one is not installed, and collide with a shipped name only on purpose', () => {
    const missing = tempDir();
    writeFile(missing, 'answers.yml', 'packs: ["@acme/other-pack"]\n');
    const run = init(missing, '--answers', 'answers.yml');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('packs: "@acme/other-pack" is not installed in');
    expect(run.stderr).toContain('npm install --save-dev @acme/other-pack');

    const dir = withPack();
    writeFile(dir, 'node_modules/@acme/scaffold-pack/knowledge/ml/ml-security.md', ENTRY.replace('name: team-serving', 'name: ml-security').replace('tier: core', 'tier: core\nproject-type: ml'));
    const collision = init(dir, '--answers', 'answers.yml');
    expect(collision.code).toBe(2);
    expect(collision.stderr).toContain('@acme/scaffold-pack/knowledge/ml/ml-security.md: "ml-security" is already defined by Scaffold');
  });
});
