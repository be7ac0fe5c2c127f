/**
 * What the page builds its form from: the same type list, choices, help and defaults that the
 * wizard asks and the flags take (content/types/*.yml through src/catalog/types.ts, and the
 * config schema's methodologies and agents). The page holds no question of its own.
 */
import { basename } from 'node:path';
import { CUSTOM_DEFAULT_DEPTH, DEPTH_LEVELS, DEPTH_QUESTION } from '../catalog/depth.js';
import { describeCondition } from '../catalog/conditions.js';
import { projectTypes, type Choice, type FieldInfo, type FieldValue } from '../catalog/types.js';
import { readConfig } from '../config/load.js';
import { AGENTS, DEFAULT_AGENTS, METHODOLOGIES, REFRESH, REFRESH_QUESTION } from '../config/schema.js';
import { folderDefault } from '../answers/resolve.js';
import { configAnswers, type Answers } from './answers.js';

export interface FormField {
  key: string;
  flag: string;
  question: string;
  kind: 'choice' | 'number' | 'multi' | 'boolean';
  choices: Choice[];
  required: boolean;
  /** The default in words: `realtime`, or `none when projectPhase: training, else realtime`. */
  defaultText?: string;
}

export interface Form {
  projectDir: string;
  /** The name a project gets when none is given: the folder's. */
  defaultName: string;
  /** Answers read from the folder's .scaffold/config.yml, or none when it has no config. */
  initial: Answers;
  hasConfig: boolean;
  types: { id: string; title: string; description: string; fields: FormField[] }[];
  methodologies: Choice[];
  depth: { question: string; choices: Choice[]; default: string };
  agents: Choice[];
  defaultAgents: string[];
  /** How often the refresh workflow proposes a newer Scaffold; unset, the methodology decides. */
  refresh: { question: string; choices: Choice[] };
}

export function formOf(projectDir: string): Form {
  const types = projectTypes();
  const existing = readConfig(projectDir);
  return {
    projectDir,
    defaultName: folderDefault(basename(projectDir)),
    initial: existing ? configAnswers(existing.config) : {},
    hasConfig: !!existing,
    types: types.ids.map((id) => {
      const def = types.get(id);
      return {
        id,
        title: def.title,
        description: def.description,
        fields: types.fields(id).map(({ key, info }) => ({
          key,
          flag: info.flag,
          question: info.question,
          kind: info.kind,
          choices: info.choices,
          required: info.required,
          ...(!info.required && { defaultText: defaultText(info) }),
        })),
      };
    }),
    methodologies: Object.entries(METHODOLOGIES).map(([value, help]) => ({ value, help })),
    depth: { question: DEPTH_QUESTION, choices: Object.entries(DEPTH_LEVELS).map(([value, help]) => ({ value, help })), default: CUSTOM_DEFAULT_DEPTH },
    agents: Object.entries(AGENTS).map(([value, help]) => ({ value, help })),
    defaultAgents: DEFAULT_AGENTS,
    refresh: { question: REFRESH_QUESTION, choices: Object.entries(REFRESH).map(([value, help]) => ({ value, help })) },
  };
}

const shown = (value: FieldValue) => (Array.isArray(value) ? value.join(', ') || 'none' : value === true ? 'yes' : value === false ? 'no' : String(value));

/** A field's default as the help under it says it, conditions first as defaultOf tries them. */
function defaultText(info: FieldInfo): string {
  const when = (info.defaultWhen ?? []).map((d) => `${shown(d.value)} when ${describeCondition(d.if)}`);
  return [...when, ...(info.default !== undefined ? [when.length ? `else ${shown(info.default)}` : shown(info.default)] : [])].join(', ');
}
