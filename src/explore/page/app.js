// @ts-check
/**
 * The explore page. The answers the person sets (init's flags) are the whole state: they are
 * the address (so a link reopens them), the plan is asked for on every change, and apply sends
 * them. Everything else (defaults, rules, files, the command line) comes from the server.
 *
 *   1. Read the form and the starting answers: the address's, else the folder's config.yml
 *   2. On every change: new address, new plan (the previous request is cancelled)
 *   3. Show the plan: values, rules, files, share link and command
 *   4. Preview a file; download config.yml; apply
 */
import 'highlight.js/styles/github.css';
import './style.css';
import { apply, getFile, getForm, getPlan, query } from './api.js';
import { $, el } from './dom.js';
import { buildForm, showMessages, showValues, typeQuestions } from './form.js';
import { showViews, viewsOf } from './preview.js';
import { renderTree, summaryOf } from './tree.js';

/** @typedef {import('./api.js').Answers} Answers */

const state = {
  /** @type {import('./api.js').Form | undefined} */
  form: undefined,
  /** @type {Answers} the answers the person set */
  answers: {},
  /** @type {import('./api.js').Plan | undefined} */
  plan: undefined,
  /** @type {string | undefined} the file in the preview */
  selected: undefined,
  /** @type {AbortController | undefined} */
  pending: undefined,
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  typing: undefined,
  /** @type {string | undefined} the type whose questions the form shows */
  questionsOf: undefined,
};

const fields = $('#fields');

// 1. The form, and the answers to start from
async function start() {
  const form = await getForm();
  state.form = form;
  $('#folder').textContent = `${form.projectDir}${form.hasConfig ? ' (answers from .scaffold/config.yml)' : ''}`;
  // An address from elsewhere may carry what this Scaffold does not ask: only its questions count.
  const known = new Set(['type', 'name', 'methodology', 'depth', 'agents', 'refresh', ...form.types.flatMap((t) => t.fields.map((f) => f.flag))]);
  const fromAddress = [...new URLSearchParams(location.search)].filter(([key]) => known.has(key));
  state.answers = location.search.length > 1 ? Object.fromEntries(fromAddress) : { ...form.initial };
  buildForm(fields, form, change);
  questions(state.answers.type);
  await refresh();
}

// 2. A changed answer
/**
 * @param {string} flag
 * @param {string | undefined} value undefined: back to the default
 * @param {boolean} [typing] a text field: wait for a pause in typing
 */
function change(flag, value, typing = false) {
  if (value === undefined) delete state.answers[flag];
  else state.answers[flag] = value;
  if (flag === 'type' && state.form) {
    // Another type's questions are not this one's: keep only the answers every type has.
    const own = new Set(state.form.types.find((t) => t.id === value)?.fields.map((f) => f.flag));
    for (const key of Object.keys(state.answers)) if (!['type', 'name', 'methodology', 'depth', 'agents', 'refresh'].includes(key) && !own.has(key)) delete state.answers[key];
    questions(value);
  }
  if (flag === 'methodology' && value !== 'custom') delete state.answers.depth;
  clearTimeout(state.typing);
  if (typing) state.typing = setTimeout(refresh, 250);
  else void refresh();
}

/** @param {string | undefined} type */
function questions(type) {
  if (!state.form || type === state.questionsOf) return;
  typeQuestions(fields, state.form, type, change);
  state.questionsOf = type;
}

async function refresh() {
  state.pending?.abort();
  const pending = (state.pending = new AbortController());
  document.body.dataset.state = 'planning';
  const search = query(state.answers);
  history.replaceState(null, '', search ? `/?${search}` : '/');
  (/** @type {HTMLInputElement} */ ($('#share-link'))).value = location.href;
  // The link names this run's port: another person opens it from an explore on the same port.
  $('#share-help').textContent = `The link holds the answers. On another machine, run \`npx scaffold-overlays explore --port ${location.port}\` in the project, then open it.`;
  try {
    const plan = await getPlan(state.answers, pending.signal);
    if (!pending.signal.aborted) show(plan);
  } catch (error) {
    if (pending.signal.aborted) return;
    document.body.dataset.state = 'error';
    notice(`The plan could not be made: ${error instanceof Error ? error.message : error}`);
  }
}

// 3. The plan
/** @param {import('./api.js').Plan} plan */
function show(plan) {
  const before = new Set(state.plan?.files?.map((f) => f.path));
  state.plan = plan;
  questions(state.answers.type ?? plan.shown.type); // the config's type, when the address names none
  showValues(fields, plan.shown, state.answers);
  const loose = showMessages(fields, plan.rules, plan.problems ?? []);
  const chosen = !!(state.answers.type ?? plan.shown.type);
  $('#problems').replaceChildren(...(chosen ? loose : []).map((p) => el('li', { role: 'alert' }, p.message)));
  (/** @type {HTMLInputElement} */ ($('#command'))).value = plan.command ? plan.command : '';
  $('#command').title = plan.notInCommand?.length ? `config.yml also has ${plan.notInCommand.join(' and ')}, which no flag carries: download config.yml to keep them` : '';
  for (const id of ['#apply', '#download', '#copy-command']) $(id).toggleAttribute('disabled', !plan.ok);
  // What the plan is at, for styles (and for tests, which wait for it): planning, ready, invalid.
  document.body.dataset.state = plan.ok ? 'ready' : 'invalid';
  if (!plan.ok || !plan.files) {
    $('#summary').textContent = chosen ? 'Fix the answers marked beside the fields to see the files.' : 'Choose a project type to see the files Scaffold writes.';
    $('#tree').replaceChildren();
    return;
  }
  $('#summary').textContent = `${summaryOf(plan.files)}. Planned in ${plan.ms} ms.`;
  renderTree($('#tree'), plan.files, before, state.selected, open);
  $('#apply').textContent = `Apply: write into ${state.form?.projectDir.split(/[\\/]/).pop() ?? 'the folder'}`;
  if (state.selected && plan.files.some((f) => f.path === state.selected)) void open(state.selected, false);
  else if (state.selected) clearPreview();
}

// 4. Preview, download, apply
/**
 * @param {string} path
 * @param {boolean} [focus]
 */
async function open(path, focus = true) {
  if (!state.plan?.files?.some((f) => f.path === path)) return notice(`${path} is not a file of this plan.`);
  state.selected = path;
  for (const b of document.querySelectorAll('button.file')) b.toggleAttribute('aria-current', b.getAttribute('data-path') === path);
  const file = await getFile(state.answers, path);
  const row = state.plan.files.find((f) => f.path === path);
  $('#preview-what').replaceChildren(el('code', {}, path), ' ', el('span', { class: `action action-${file.action}` }, file.action), row?.reason ? ` ${row.reason}` : '');
  showViews($('#preview-tabs'), $('#preview-body'), viewsOf(file, (p) => void open(p)));
  if (focus) $('#preview-tabs').querySelector('button')?.focus();
}

function clearPreview() {
  state.selected = undefined;
  $('#preview-what').textContent = 'Choose a file to see its content.';
  $('#preview-tabs').replaceChildren();
  $('#preview-body').replaceChildren();
}

/** @param {string} text */
function notice(text) {
  $('#notice').textContent = text;
}

/**
 * @param {string} text
 * @param {string} what
 */
async function copy(text, what) {
  try {
    await navigator.clipboard.writeText(text);
    notice(`${what} copied.`);
  } catch {
    notice(`Copy the ${what.toLowerCase()} from the field: the browser did not allow copying.`);
  }
}

$('#copy-link').addEventListener('click', () => void copy(location.href, 'Link'));
$('#copy-command').addEventListener('click', () => void copy(state.plan?.command ?? '', 'Command'));
$('#download').addEventListener('click', () => {
  const url = URL.createObjectURL(new Blob([state.plan?.configText ?? ''], { type: 'text/yaml' }));
  const link = el('a', { href: url, download: 'config.yml' });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  notice('config.yml downloaded: put it in .scaffold/ and run `npx scaffold-overlays update`, or pass it to init with --answers.');
});
$('#apply').addEventListener('click', async () => {
  $('#apply').setAttribute('disabled', '');
  document.body.dataset.state = 'applying';
  notice('Writing…');
  try {
    const { report } = await apply(state.answers);
    showResult(report);
  } catch (error) {
    notice(`Nothing was applied: ${error instanceof Error ? error.message : error}`);
  }
  state.plan = undefined; // after a write, nothing in the next plan is "new"
  await refresh();
});

/** @param {import('./api.js').Report} report */
function showResult(report) {
  const written = report.changes.filter((c) => !['keep', 'skip', 'unchanged'].includes(c.action));
  const result = $('#result');
  result.hidden = false;
  result.className = report.ok ? 'result ok' : 'result failed';
  result.replaceChildren(
    el('h3', {}, report.ok ? `Applied: ${summaryOf(/** @type {import('./api.js').FileRow[]} */ (report.changes))}` : report.errors.length && !report.conflicts.length ? 'Nothing was applied' : 'Applied, with conflicts to resolve'),
    ...report.errors.map((e) => el('p', { role: 'alert' }, e.message)),
    ...report.warnings.map((w) => el('p', {}, `Warning: ${w}`)),
    ...(written.length ? [el('ul', {}, ...written.map((c) => el('li', {}, el('span', { class: `action action-${c.action}` }, c.action), ' ', c.path, c.reason ? ` (${c.reason})` : '')))] : []),
  );
  notice(report.ok ? 'Written. The files now show what a next run would change.' : 'See the result above the files.');
  result.focus();
}

void start().catch((error) => notice(`The page could not start: ${error instanceof Error ? error.message : error}`));
