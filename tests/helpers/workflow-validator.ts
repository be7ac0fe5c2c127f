/**
 * Check a GitHub Actions workflow with GitHub's own parser (@actions/workflow-parser, from
 * actions/languageservices): the published workflow schema (keys, events, permission values,
 * runs-on, steps) and every `${{ }}` expression against the contexts it may use.
 */
import { register } from 'node:module';

type Parser = typeof import('@actions/workflow-parser');

// The parser imports its schema JSON without `with { type: 'json' }`, which Node's own ESM loader
// refuses (actions/languageservices#387, open). This load hook adds the attribute, for that
// package's JSON files only; module.register exists from Node 20.6.
const ADD_JSON_ATTRIBUTE = `export async function load(url, context, next) {
  const bare = url.endsWith('.json') && url.includes('/@actions/workflow-parser/') && !context.importAttributes?.type;
  return next(url, bare ? { ...context, importAttributes: { ...context.importAttributes, type: 'json' } } : context);
}`;

let parser: Promise<Parser> | undefined;

function loadParser(): Promise<Parser> {
  if (!parser) {
    register(`data:text/javascript,${encodeURIComponent(ADD_JSON_ATTRIBUTE)}`);
    parser = import('@actions/workflow-parser');
  }
  return parser;
}

/** The parser's complaints about a workflow file, each with its line and column; none when valid. */
export async function workflowErrors(name: string, content: string): Promise<string[]> {
  const { parseWorkflow, convertWorkflowTemplate, NoOperationTraceWriter } = await loadParser();
  const parsed = parseWorkflow({ name, content }, new NoOperationTraceWriter());
  if (!parsed.value) return parsed.context.errors.getErrors().map((e) => e.message);
  const template = await convertWorkflowTemplate(parsed.context, parsed.value);
  return (template.errors ?? []).map((e) => e.Message);
}
