/**
 * A suite's files for one project: `.hbs` templates rendered (path segments too), other files
 * copied. A template that renders to nothing but whitespace produces no file, so a file that
 * only some answers need wraps its whole body in one condition.
 */
import { policyOf, type Suite } from '../catalog/suites.js';
import { runTemplate } from '../template/run.js';
import type { RenderContext } from './context.js';
import type { PlannedFile } from './file-plan.js';

export function renderSuite(suite: Suite, context: RenderContext): PlannedFile[] {
  const planned: PlannedFile[] = [];
  for (const file of suite.files()) {
    const path = file.pathTemplate ? runTemplate(file.pathTemplate, context, `${file.source}#path`) : file.path!;
    const content = file.template ? runTemplate(file.template, context, file.source) : file.text!;
    if (content.trim() === '') continue;
    planned.push({ path, content, policy: policyOf(suite, path), source: `suite ${suite.name}` });
  }
  return planned;
}
