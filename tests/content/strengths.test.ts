/**
 * What the older reference entries did better (issue 17, item 7) stays in the new ones, for every
 * combination of answers that selects the entry: a worked decision record with real numbers in
 * ml-architecture, performance tests on CI-class hardware in data-pipeline-testing, and a tour of
 * several model servers in ml-serving-patterns.
 */
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/catalog.js';
import { splitSections, renderEntryBody } from '../../src/render/knowledge.js';
import { answerCombinations, describeAnswers } from '../helpers/combinations.js';
import { contextFor, pipelineFor } from '../helpers/plan.js';

const catalog = loadCatalog();

/** The Deep Guidance of `entry` for every combination of its type's answers whose project has it. */
function guidance(entry: string): { label: string; text: string }[] {
  const type = catalog.entry(entry).projectType!;
  return answerCombinations(type)
    .filter((config) => pipelineFor(config).selection.knowledge.some((k) => k.name === entry))
    .map((config) => {
      const body = renderEntryBody(catalog.entry(entry), contextFor(config, 'full'), 'full');
      return { label: describeAnswers(config), text: splitSections(body).find((s) => s.heading === 'Deep Guidance')!.text };
    });
}

describe('strengths of the older reference entries', () => {
  it('ml-architecture works through a decision record with request rates, latency budgets and costs', () => {
    for (const { label, text } of guidance('ml-architecture')) {
      const record = /### A worked decision record\n([\s\S]*?)\n### /.exec(text)?.[1] ?? '';
      expect(record, label).toMatch(/^# ADR-\d+/m);
      for (const section of ['## Context', '## Options', '## Decision', '## Consequences']) expect(record, `${label}: ${section}`).toContain(section);
      // Real numbers: a rate, a latency and a price per 1,000 calls in the record itself.
      expect(record, label).toMatch(/\d[\d.,]* (requests|frames|predictions|rows)(\/s| a day)/);
      expect(record, label).toMatch(/\d[\d.]* m?s\b/);
      expect(record, label).toMatch(/\$\d[\d.]* per 1,000 (predictions|requests)/);
    }
  });

  it('data-pipeline-testing runs timed tests only on CI-class hardware against a baseline from the same runner class', () => {
    for (const { label, text } of guidance('data-pipeline-testing')) {
      expect(text, label).toContain('**CI-class hardware.**');
      expect(text, label).toMatch(/baseline recorded on the same runner class/);
    }
  });

  it('ml-serving-patterns tours at least six model servers, with when to pick each and what to watch', () => {
    const servers = ['FastAPI', 'BentoML', 'Triton', 'KServe', 'Ray Serve', 'vLLM', 'TorchServe', 'ONNX Runtime'];
    for (const { label, text } of guidance('ml-serving-patterns')) {
      const table = /### Choosing a model server\n([\s\S]*?)\n### /.exec(text)?.[1] ?? '';
      expect(table, label).toContain('| Option | Pick it when | Watch out for |');
      expect(servers.filter((s) => table.includes(s)).length, label).toBeGreaterThanOrEqual(6);
    }
  });
});
