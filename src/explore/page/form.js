// @ts-check
/**
 * The form, built from the server's form description (the type list and the config schema):
 * one labelled control per answer, the help of each choice, the default of each question, and
 * a place beside each field for the rules and problems that concern it. Every control carries
 * `data-flag`, the init flag it answers.
 */
import { el } from './dom.js';

/** @typedef {import('./api.js').Form} Form */
/** @typedef {import('./api.js').FormField} FormField */
/** @typedef {import('./api.js').Answers} Answers */
/** @typedef {(flag: string, value: string | undefined, typing?: boolean) => void} OnChange */

/**
 * A field: its control(s), its help, and its messages (rules and problems), which the control names
 * in aria-describedby so a screen reader reads them with it.
 * @param {string} flag
 * @param {Node[]} body
 * @param {string} [help]
 */
function field(flag, body, help) {
  return el('div', { class: 'field', 'data-field': flag }, ...body, help ? el('p', { class: 'help', id: `help-${flag}` }, help) : null, el('ul', { class: 'messages', id: `msg-${flag}` }));
}

const describedBy = (/** @type {string} */ flag) => `help-${flag} choice-${flag} msg-${flag}`;

/**
 * A set of radio buttons, each with its help.
 * @param {string} flag
 * @param {string} legend
 * @param {{ value: string, label: string, help: string }[]} options
 * @param {OnChange} onChange
 */
function radios(flag, legend, options, onChange) {
  const group = el('fieldset', { class: 'radios', 'data-field': flag }, el('legend', {}, legend));
  for (const option of options) {
    const id = `${flag}-${option.value}`;
    const input = el('input', { type: 'radio', name: flag, id, value: option.value, 'data-flag': flag, 'aria-describedby': `${id}-help msg-${flag}` });
    input.addEventListener('change', () => onChange(flag, option.value));
    group.append(el('div', { class: 'option' }, input, el('label', { for: id }, el('strong', {}, option.label), ' ', el('span', { id: `${id}-help`, class: 'choice-help' }, option.help))));
  }
  group.append(el('ul', { class: 'messages', id: `msg-${flag}` }));
  return group;
}

/**
 * Checkboxes for a list answer; the answer is the checked values, comma-separated (or `none`).
 * @param {string} flag
 * @param {string} legend
 * @param {{ value: string, help: string }[]} options
 * @param {string} empty what an empty list is written as
 * @param {OnChange} onChange
 */
function checkboxes(flag, legend, options, empty, onChange) {
  const group = el('fieldset', { class: 'checks', 'data-field': flag }, el('legend', {}, legend));
  const inputs = options.map((option) => {
    const id = `${flag}-${option.value}`;
    const input = el('input', { type: 'checkbox', id, value: option.value, 'data-flag': flag, 'data-list': '', 'aria-describedby': `msg-${flag}` });
    input.addEventListener('change', () => onChange(flag, inputs.filter((i) => i.checked).map((i) => i.value).join(',') || empty));
    group.append(el('div', { class: 'option' }, input, el('label', { for: id }, el('strong', {}, option.value), ' ', el('span', { class: 'choice-help' }, option.help))));
    return input;
  });
  group.append(el('ul', { class: 'messages', id: `msg-${flag}` }));
  return group;
}

/**
 * One question of a project type, as the wizard asks it.
 * @param {FormField} f
 * @param {OnChange} onChange
 */
function typeField(f, onChange) {
  const defaultNote = f.defaultText ? `Default: ${f.defaultText}.` : 'Required: there is no default.';
  if (f.kind === 'multi') {
    return checkboxes(f.flag, f.question, f.choices.map((c) => ({ value: String(c.value), help: c.help })), '', onChange);
  }
  const id = `f-${f.flag}`;
  if (f.kind === 'boolean') {
    const input = el('input', { type: 'checkbox', id, 'data-flag': f.flag, 'aria-describedby': describedBy(f.flag) });
    input.addEventListener('change', () => onChange(f.flag, String(input.checked)));
    return field(f.flag, [el('div', { class: 'option' }, input, el('label', { for: id }, f.question))], defaultNote);
  }
  const select = el('select', { id, 'data-flag': f.flag, 'aria-describedby': describedBy(f.flag) }, el('option', { value: '' }, 'Choose an answer'));
  for (const c of f.choices) select.append(el('option', { value: String(c.value), 'data-help': c.help }, String(c.value)));
  select.addEventListener('change', () => onChange(f.flag, select.value || undefined));
  return field(f.flag, [el('label', { for: id }, f.question), select, el('p', { class: 'choice-help', id: `choice-${f.flag}` })], defaultNote);
}

/**
 * The form: the questions every project has, and a place for the chosen type's own questions
 * (typeQuestions), which alone is rebuilt when the type changes, so the focus stays where it is.
 * @param {HTMLElement} root
 * @param {Form} form
 * @param {OnChange} onChange
 */
export function buildForm(root, form, onChange) {
  const name = el('input', { id: 'f-name', 'data-flag': 'name', placeholder: form.defaultName, autocomplete: 'off', spellcheck: 'false', 'aria-describedby': describedBy('name') });
  name.addEventListener('input', () => onChange('name', name.value.trim() || undefined, true));
  const depth = el('select', { id: 'f-depth', 'data-flag': 'depth', 'aria-describedby': describedBy('depth') });
  for (const d of form.depth.choices) depth.append(el('option', { value: String(d.value), 'data-help': d.help }, String(d.value)));
  depth.addEventListener('change', () => onChange('depth', depth.value));
  // Unset, the methodology decides (weekly with deep, else none): the blank choice says so.
  const refresh = el('select', { id: 'f-refresh', 'data-flag': 'refresh', 'aria-describedby': describedBy('refresh') }, el('option', { value: '' }, "the methodology's"));
  for (const r of form.refresh.choices) refresh.append(el('option', { value: String(r.value), 'data-help': r.help }, String(r.value)));
  refresh.addEventListener('change', () => onChange('refresh', refresh.value || undefined));
  root.replaceChildren(
    radios('type', 'Project type', form.types.map((t) => ({ value: t.id, label: t.title, help: t.description })), onChange),
    field('name', [el('label', { for: 'f-name' }, 'Project name'), name], `Used in generated files and package names. Default: ${form.defaultName}, from the folder's name.`),
    radios('methodology', 'How much should Scaffold set up?', form.methodologies.map((m) => ({ value: String(m.value), label: String(m.value), help: m.help })), onChange),
    field('depth', [el('label', { for: 'f-depth' }, form.depth.question), depth, el('p', { class: 'choice-help', id: 'choice-depth' })], `Default: ${form.depth.default}.`),
    el('div', { id: 'type-questions' }),
    checkboxes('agents', 'Files for coding agents', form.agents.map((a) => ({ value: String(a.value), help: a.help })), 'none', onChange),
    field('refresh', [el('label', { for: 'f-refresh' }, form.refresh.question), refresh, el('p', { class: 'choice-help', id: 'choice-refresh' })], 'Default: weekly with methodology deep, else no refresh workflow.'),
  );
}

/**
 * The questions of one project type (none before a type is chosen).
 * @param {HTMLElement} root
 * @param {Form} form
 * @param {string | undefined} type
 * @param {OnChange} onChange
 */
export function typeQuestions(root, form, type, onChange) {
  const def = form.types.find((t) => t.id === type);
  const place = root.querySelector('#type-questions');
  place?.replaceChildren(...(def ? [el('fieldset', { class: 'type-fields' }, el('legend', {}, `${def.title}: questions`), ...def.fields.map((f) => typeField(f, onChange)))] : []));
}

/**
 * Show the answers: what the person set, and for the rest what the plan used (the config's or
 * the default). Fields the person has not set are marked as such.
 * @param {HTMLElement} root
 * @param {Answers} shown
 * @param {Answers} explicit
 */
export function showValues(root, shown, explicit) {
  for (const input of root.querySelectorAll('[data-flag]')) {
    const flag = input.getAttribute('data-flag') ?? '';
    const value = explicit[flag] ?? shown[flag];
    if (input instanceof HTMLInputElement && input.type === 'radio') input.checked = input.value === value;
    else if (input instanceof HTMLInputElement && input.hasAttribute('data-list')) input.checked = (value ?? '').split(',').includes(input.value);
    else if (input instanceof HTMLInputElement && input.type === 'checkbox') input.checked = value === 'true';
    else if (input instanceof HTMLInputElement && document.activeElement !== input) input.value = explicit[flag] ?? '';
    else if (input instanceof HTMLSelectElement) showSelect(input, value);
  }
  for (const box of root.querySelectorAll('[data-field]')) {
    box.classList.toggle('is-default', !((box.getAttribute('data-field') ?? '') in explicit));
  }
  root.querySelector('[data-field="depth"]')?.toggleAttribute('hidden', (explicit.methodology ?? shown.methodology) !== 'custom');
}

/**
 * @param {HTMLSelectElement} select
 * @param {string | undefined} value
 */
function showSelect(select, value) {
  select.value = value ?? '';
  const blank = select.options[0];
  if (blank && blank.value === '') blank.hidden = select.value !== '';
  const help = document.getElementById(`choice-${select.getAttribute('data-flag')}`);
  if (help) help.textContent = select.selectedOptions[0]?.getAttribute('data-help') ?? '';
}

/**
 * Put each broken rule beside every field it involves, and each problem beside its flag's field;
 * returns the problems that belong to no field (shown above the files).
 * @param {HTMLElement} root
 * @param {import('./api.js').Rule[]} rules
 * @param {import('./api.js').Problem[]} problems
 * @returns {import('./api.js').Problem[]}
 */
export function showMessages(root, rules, problems) {
  for (const list of root.querySelectorAll('.messages')) list.replaceChildren();
  const add = (/** @type {string} */ flag, /** @type {string} */ message) => {
    const list = root.querySelector(`#msg-${CSS.escape(flag)}`);
    if (!list) return false;
    list.append(el('li', { role: 'alert' }, message));
    return true;
  };
  for (const rule of rules) for (const flag of rule.flags) add(flag, rule.message);
  return problems.filter((p) => !(p.flag && add(p.flag.replace(/^--(no-)?/, ''), p.message.replace(/^--[\w-]+: /, ''))));
}
