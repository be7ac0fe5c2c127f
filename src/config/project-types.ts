/**
 * The five project types and their questions. Adding a type means adding one entry here, one
 * overlay (content/methodology/<type>-overlay.yml), its knowledge and its suites; flags, wizard
 * questions and the JSON Schema follow from this file.
 */
import * as z from 'zod';
import { oncePerKey } from '../once.js';
import { choice, fieldSchema, multiChoice, numberChoice, yesNo, type FieldInfo, type SectionAnswers } from './fields.js';

/** A cross-field rule: returns the problem (and the field it concerns) or nothing. */
interface Rule {
  field: string;
  check: (answers: SectionAnswers) => string | undefined;
}

const ml: Record<string, FieldInfo> = {
  projectPhase: choice(
    {
      training: 'training pipelines and experiments only; models ship elsewhere',
      inference: 'serving a model trained elsewhere',
      both: 'training and serving in one repository',
    },
    { flag: 'ml-phase', question: 'Which part of the model lifecycle does this repository cover?' },
  ),
  modelType: choice(
    {
      classical: 'scikit-learn style models on tabular data',
      'deep-learning': 'neural networks trained with PyTorch or similar',
      llm: 'applications built on large language models',
    },
    { flag: 'ml-model-type', question: 'What kind of model?', default: 'deep-learning' },
  ),
  servingPattern: choice(
    {
      none: 'no serving from this repository (training only)',
      batch: 'scheduled scoring jobs that write predictions',
      realtime: 'an online API answering requests',
      edge: 'models exported to devices or browsers',
    },
    {
      flag: 'ml-serving',
      question: 'How are predictions served?',
      derive: (a) => (a.projectPhase === 'training' ? 'none' : 'realtime'),
    },
  ),
  hasExperimentTracking: yesNo({
    flag: 'ml-experiment-tracking',
    question: 'Track experiments (MLflow, Weights & Biases or similar)?',
    default: true,
  }),
};

const dataPipeline: Record<string, FieldInfo> = {
  processingModel: choice(
    {
      batch: 'scheduled jobs over bounded data',
      streaming: 'continuous processing of event streams',
      hybrid: 'both batch and streaming paths',
    },
    { flag: 'pipeline-processing', question: 'How is data processed?' },
  ),
  orchestration: choice(
    {
      none: 'no orchestrator yet',
      'dag-based': 'a DAG orchestrator such as Airflow or Dagster',
      'event-driven': 'runs triggered by events or new data',
      scheduled: 'cron-style schedules',
    },
    { flag: 'pipeline-orchestration', question: 'How are runs orchestrated?', default: 'none' },
  ),
  dataQualityStrategy: choice(
    {
      none: 'minimal built-in checks only',
      validation: 'records validated at the boundaries',
      testing: 'data tests run against each batch',
      observability: 'quality monitored continuously with alerts',
    },
    { flag: 'pipeline-quality', question: 'How is data quality assured?', default: 'validation' },
  ),
  schemaManagement: choice(
    {
      none: 'schemas live in code',
      'schema-registry': 'a schema registry (Avro, Protobuf, JSON Schema)',
      contracts: 'data contracts agreed with producers',
    },
    { flag: 'pipeline-schema', question: 'How are schemas managed?', default: 'none' },
  ),
  hasDataCatalog: yesNo({ flag: 'pipeline-catalog', question: 'Publish datasets to a data catalog?', default: false }),
};

const library: Record<string, FieldInfo> = {
  visibility: choice(
    {
      public: 'published to a public registry for anyone to use',
      internal: 'used inside your organisation only',
    },
    { flag: 'lib-visibility', question: 'Who uses this library?' },
  ),
  runtimeTarget: choice(
    {
      node: 'Node.js only',
      browser: 'browsers only',
      isomorphic: 'Node.js and browsers',
      edge: 'edge runtimes (workers) with web APIs only',
    },
    { flag: 'lib-runtime-target', question: 'Where does the code run?', default: 'isomorphic' },
  ),
  bundleFormat: choice(
    {
      esm: 'ES modules only',
      cjs: 'CommonJS only',
      dual: 'ES modules and CommonJS',
      unbundled: 'TypeScript compiled file by file, no bundler',
    },
    { flag: 'lib-bundle-format', question: 'Which module format do you ship?', default: 'dual' },
  ),
  hasTypeDefinitions: yesNo({ flag: 'lib-type-definitions', question: 'Ship TypeScript type definitions?', default: true }),
  documentationLevel: choice(
    {
      none: 'no documentation beyond code comments (internal libraries only)',
      readme: 'a thorough README',
      'api-docs': 'generated API reference',
      'full-site': 'a documentation site with guides',
    },
    { flag: 'lib-doc-level', question: 'How much documentation?', default: 'readme' },
  ),
};

const browserExtension: Record<string, FieldInfo> = {
  manifestVersion: numberChoice(
    {
      3: 'Manifest V3, required by the Chrome Web Store',
      2: 'Manifest V2, deprecated: Chrome no longer runs it; Firefox still does',
    },
    { flag: 'ext-manifest', question: 'Which manifest version?', default: 3 },
  ),
  uiSurfaces: multiChoice(
    {
      popup: 'a popup opened from the toolbar button',
      options: 'an options page',
      newtab: 'a new-tab page override',
      devtools: 'a DevTools panel',
      sidepanel: 'a side panel',
    },
    { flag: 'ext-ui-surfaces', question: 'Which UI surfaces?', default: ['popup'] },
  ),
  hasContentScript: yesNo({ flag: 'ext-content-script', question: 'Inject a content script into pages?', default: false }),
  hasBackgroundWorker: yesNo({
    flag: 'ext-background-worker',
    question: 'Run a background service worker?',
    default: true,
  }),
};

const mobileApp: Record<string, FieldInfo> = {
  platform: choice(
    {
      ios: 'native iOS in Swift',
      android: 'native Android in Kotlin',
      'cross-platform': 'React Native with Expo, in TypeScript',
    },
    { flag: 'mobile-platform', question: 'Which platform?' },
  ),
  distributionModel: choice(
    {
      public: 'App Store and Google Play',
      private: 'enterprise or internal distribution only',
      mixed: 'public stores and private channels',
    },
    { flag: 'mobile-distribution', question: 'How is the app distributed?', default: 'public' },
  ),
  offlineSupport: choice(
    {
      none: 'online only',
      cache: 'cached reads while offline',
      'offline-first': 'reads and writes work offline and sync later',
    },
    { flag: 'mobile-offline', question: 'How much offline support?', default: 'none' },
  ),
  hasPushNotifications: yesNo({
    flag: 'mobile-push-notifications',
    question: 'Send push notifications?',
    default: false,
  }),
};

/** Every project type: its config key, its one-line description, its questions and rules. */
export const PROJECT_TYPES = {
  ml: {
    key: 'ml',
    description: 'Machine learning: training pipelines, evaluation and model serving (Python)',
    fields: ml,
    rules: [
      {
        field: 'servingPattern',
        check: (a) =>
          a.projectPhase === 'training' && a.servingPattern !== 'none'
            ? 'a training-only project serves nothing: set servingPattern to none or projectPhase to both'
            : a.projectPhase !== 'training' && a.servingPattern === 'none'
              ? `projectPhase ${a.projectPhase} needs a serving pattern: choose batch, realtime or edge`
              : undefined,
      },
    ],
  },
  'data-pipeline': {
    key: 'dataPipeline',
    description: 'Data pipelines: batch or streaming ingestion, transformation and quality checks (Python)',
    fields: dataPipeline,
    rules: [],
  },
  library: {
    key: 'library',
    description: 'A TypeScript library published to npm or used internally',
    fields: library,
    rules: [
      {
        field: 'documentationLevel',
        check: (a) =>
          a.visibility === 'public' && a.documentationLevel === 'none'
            ? 'a public library needs documentation: choose readme, api-docs or full-site'
            : undefined,
      },
    ],
  },
  'browser-extension': {
    key: 'browserExtension',
    description: 'A browser extension for Chrome, Edge and Firefox (TypeScript)',
    fields: browserExtension,
    rules: [
      {
        field: 'uiSurfaces',
        check: (a) =>
          (a.uiSurfaces as string[]).length === 0 && !a.hasContentScript && !a.hasBackgroundWorker
            ? 'an extension needs at least one UI surface, a content script or a background worker'
            : undefined,
      },
    ],
  },
  'mobile-app': {
    key: 'mobileApp',
    description: 'A mobile app for iOS, Android or both (Swift, Kotlin or React Native)',
    fields: mobileApp,
    rules: [],
  },
} as const satisfies Record<string, { key: string; description: string; fields: Record<string, FieldInfo>; rules: Rule[] }>;

export type ProjectType = keyof typeof PROJECT_TYPES;
export const PROJECT_TYPE_IDS = Object.keys(PROJECT_TYPES) as [ProjectType, ...ProjectType[]];

export interface TypeField {
  /** Key inside the type's section, e.g. `projectPhase`. */
  key: string;
  /** Config path, e.g. `ml.projectPhase`. */
  path: string;
  type: ProjectType;
  info: FieldInfo;
}

/** The questions of one type, in the order the wizard asks them. */
export function typeFields(type: ProjectType): TypeField[] {
  const def = PROJECT_TYPES[type];
  return Object.entries(def.fields).map(([key, info]) => ({ key, path: `${def.key}.${key}`, type, info }));
}

export const ALL_FIELDS: TypeField[] = PROJECT_TYPE_IDS.flatMap(typeFields);

/**
 * The zod schema of one type's answers, built on first use: a run validates one type, and
 * building all five cost more than the rest of the validation.
 */
export const sectionSchema = oncePerKey((type: ProjectType): z.ZodType<SectionAnswers> => {
  const { fields, rules } = PROJECT_TYPES[type] as { fields: Record<string, FieldInfo>; rules: Rule[] };
  const shape = Object.fromEntries(Object.entries(fields).map(([key, info]) => [key, fieldSchema(info)]));
  return z.strictObject(shape).transform((value, ctx) => {
    const answers = { ...value } as SectionAnswers;
    // Derived defaults are filled in declaration order, so a field may derive from earlier ones.
    for (const [key, info] of Object.entries(fields)) {
      if (answers[key] === undefined && info.derive) answers[key] = info.derive(answers);
    }
    for (const rule of rules) {
      const message = rule.check(answers);
      if (message) ctx.issues.push({ code: 'custom', message, path: [rule.field], input: answers[rule.field] });
    }
    return answers;
  });
});
