// @ts-check
/**
 * The page's requests to the explore server (src/explore/server.ts), each with this run's secret,
 * which the server put into the page. The shapes below mirror the server's answers.
 */

/** @typedef {Record<string, string>} Answers init's flags without dashes, each value as text */
/** @typedef {{ value: string | number, help: string }} Choice */
/**
 * @typedef {{ key: string, flag: string, question: string, kind: 'choice' | 'number' | 'multi' | 'boolean',
 *   choices: Choice[], required: boolean, defaultText?: string }} FormField
 */
/**
 * @typedef {{ projectDir: string, defaultName: string, initial: Answers, hasConfig: boolean,
 *   types: { id: string, title: string, description: string, fields: FormField[] }[],
 *   methodologies: Choice[], depth: { question: string, choices: Choice[], default: string },
 *   agents: Choice[], defaultAgents: string[], refresh: { question: string, choices: Choice[] } }} Form
 */
/** @typedef {{ code: string, message: string, flag?: string, file?: string }} Problem */
/** @typedef {{ message: string, flags: string[] }} Rule */
/** @typedef {{ path: string, action: string, source: string, layer?: string, policy: string, reason?: string }} FileRow */
/**
 * @typedef {{ ok: boolean, ms: number, shown: Answers, rules: Rule[], problems?: Problem[], configText?: string,
 *   command?: string, notInCommand?: string[], files?: FileRow[] }} Plan
 */
/** @typedef {{ kind: ' ' | '-' | '+', text: string } | { kind: 'skip', count: number }} DiffLine */
/** @typedef {{ path: string, action: string, after?: string, rendered?: string, onDisk: boolean, diff?: DiffLine[] }} Preview */
/**
 * @typedef {{ ok: boolean, changes: { path: string, action: string, reason?: string }[], conflicts: string[],
 *   warnings: string[], errors: Problem[] }} Report
 */

const secret = document.querySelector('meta[name="scaffold-secret"]')?.getAttribute('content') ?? '';

/**
 * @param {string} path
 * @param {RequestInit} [init]
 */
async function request(path, init = {}) {
  const response = await fetch(path, { ...init, headers: { ...init.headers, 'x-scaffold-secret': secret } });
  const body = await response.json();
  if (!response.ok) throw new Error(body.error ?? `${response.status} ${response.statusText}`);
  return body;
}

/** @param {Answers} answers */
export const query = (answers) => new URLSearchParams(answers).toString();

/** @returns {Promise<Form>} */
export const getForm = () => request('/api/form');

/**
 * @param {Answers} answers
 * @param {AbortSignal} signal
 * @returns {Promise<Plan>}
 */
export const getPlan = (answers, signal) => request(`/api/plan?${query(answers)}`, { signal });

/**
 * @param {Answers} answers
 * @param {string} path
 * @returns {Promise<Preview>}
 */
export const getFile = (answers, path) => request(`/api/file/${encodeURIComponent(path)}?${query(answers)}`);

/**
 * @param {Answers} answers
 * @returns {Promise<{ exitCode: number, report: Report }>}
 */
export const apply = (answers) =>
  request('/api/apply', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ answers }) });
