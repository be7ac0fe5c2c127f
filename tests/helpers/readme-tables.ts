/** The README's tables of project types, flags and rules, made from the type list (content/types). */
import { DEPTH_NAMES } from '../../src/catalog/depth.js';
import type { FieldInfo, TypeList } from '../../src/catalog/types.js';

const cell = (text: string) => text.replaceAll('|', '\\|');

function flagText(info: FieldInfo): string {
  if (info.kind === 'boolean') return `\`--[no-]${info.flag}\``;
  const values = info.choices.map((c) => c.value);
  return `\`--${info.flag} ${info.kind === 'multi' ? values.join(',') : values.join('|')}\``;
}

function defaultText(info: FieldInfo): string {
  const show = (v: unknown) => (typeof v === 'boolean' ? (v ? 'yes' : 'no') : Array.isArray(v) ? v.join(',') : String(v));
  const conditional = (info.defaultWhen ?? []).map((d) => `${show(d.value)} when ${Object.entries(d.if).map(([k, v]) => `${k} is ${[v].flat().join(' or ')}`).join(' and ')}`);
  const parts = [...conditional, ...(info.default !== undefined ? [conditional.length ? `else ${show(info.default)}` : show(info.default)] : [])];
  return parts.length ? ` [${parts.join(', ')}]` : '';
}

/** The block between `<!-- types:start -->` and `<!-- types:end -->` in README.md. */
export function readmeTypeTables(types: TypeList): string {
  const lines = [
    '| type | what it is for | config.yml section |',
    '| --- | --- | --- |',
    ...types.ids.map((id) => `| \`${id}\` | ${cell(types.get(id).description)} | \`${types.get(id).key}:\` |`),
    '',
    '| type | flags (required without a terminal unless a default is given in brackets) |',
    '| --- | --- |',
    ...types.ids.map((id) => `| ${id} | ${types.fields(id).map((f) => cell(flagText(f.info) + defaultText(f.info))).join(', ')} |`),
    '',
    'Rules checked wherever answers come from (flags, the wizard, an answers file, a hand-edited config.yml):',
    '',
    ...types.ids.flatMap((id) => types.get(id).rules.map((r) => `- ${id}: ${r.message}.`)),
    `- any type: \`depth\` is set by methodology deep and mvp; choose it (${DEPTH_NAMES.map((d) => `\`${d}\``).join(' or ')}) only with \`methodology: custom\`.`,
  ];
  return lines.join('\n');
}
