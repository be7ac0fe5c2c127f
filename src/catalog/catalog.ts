/**
 * The catalog: everything that can be selected and rendered, from three origins that use the
 * same formats — Scaffold's own content (content/, templates/), the packs config.yml lists, and
 * the project's own (.scaffold/knowledge, .scaffold/suites, .scaffold/overlays). Entries and
 * suites are read on first use, so a run pays for what it renders.
 *
 * Names are one namespace: a pack's or the project's entry or suite with the name of one that
 * already exists is an error unless it says `replaces: true`; then it takes that one's place.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../errors.js';
import { once, oncePerKey } from '../once.js';
import { PACKAGE_ROOT } from '../package-root.js';
import { LOCAL } from '../project-files.js';
import { readEntry, type KnowledgeEntry } from './entries.js';
import { shippedFilesUnder } from './built.js';
import { filesUnder } from './files.js';
import { readLayer, readShippedLayer, type KnownNames, type Layer } from './layers.js';
import { resolvePack, type Pack } from './packs.js';
import { readSuite, type Suite } from './suites.js';
import { projectTypes, type TypeList } from './types.js';

export const KNOWLEDGE_DIR = 'content/knowledge';
export const METHODOLOGY_DIR = 'content/methodology';
export const SUITES_DIR = 'templates';

/** Where an entry or suite is: enough to read it, and to say which origin it came from. */
interface Place {
  /** Absolute path of the entry file or the suite folder. */
  path: string;
  /** As messages show it. */
  shown: string;
  origin: string;
}

export interface Catalog {
  types: TypeList;
  knowledgeNames: ReadonlySet<string>;
  suiteNames: ReadonlySet<string>;
  entry(name: string): KnowledgeEntry;
  suite(name: string): Suite;
  /** shipped, local, or the pack's name, known without reading the entry or suite. */
  originOf(kind: 'knowledge' | 'suites', name: string): string | undefined;
  /** The methodology preset and the project-type overlay Scaffold ships. */
  preset(methodology: string): Layer;
  typeOverlay(type: string): Layer;
  /** The packs' overlays, then the project's own, in the order they apply. */
  layers: Layer[];
  packs: Pack[];
  known: KnownNames;
}

export interface CatalogOptions {
  /** The project, for its own content; omit for Scaffold's content only. */
  projectDir?: string;
  /** The packs config.yml lists. */
  packs?: string[];
}

/** Scaffold's own content, listed once per process. */
const shipped = once(() => {
  const entries = new Map<string, Place>();
  for (const file of shippedFilesUnder(KNOWLEDGE_DIR).filter((f) => f.endsWith('.md'))) {
    entries.set(baseName(file), place(join(PACKAGE_ROOT, KNOWLEDGE_DIR, file), `${KNOWLEDGE_DIR}/${file}`, 'shipped'));
  }
  const suites = new Map<string, Place>();
  for (const file of shippedFilesUnder(SUITES_DIR).filter((f) => /^[^/]+\/suite\.yml$/.test(f))) {
    const name = file.split('/')[0]!;
    suites.set(name, place(join(PACKAGE_ROOT, SUITES_DIR, name), `${SUITES_DIR}/${name}`, 'shipped'));
  }
  return { entries, suites };
});

const baseName = (file: string) => file.split('/').pop()!.replace(/\.(md|ya?ml)$/, '');
const place = (path: string, shown: string, origin: string): Place => ({ path, shown, origin });

export function loadCatalog(options: CatalogOptions = {}): Catalog {
  const types = projectTypes();
  const entries = new Map(shipped().entries);
  const suites = new Map(shipped().suites);
  const layers: Layer[] = [];
  const packs = (options.packs ?? []).map((spec) => resolvePack(spec, options.projectDir ?? '.'));
  const origins = [
    ...packs.map((p) => ({ origin: p.name, root: p.root, shown: p.shown, dirs: { knowledge: 'knowledge', suites: 'suites', overlays: 'overlays' } })),
    ...(options.projectDir ? [{ origin: 'local', root: options.projectDir, shown: '', dirs: LOCAL }] : []),
  ];
  // Every overlay file is read, and the problems of all of them reported together.
  const problems: UserError[] = [];
  for (const { origin, root, shown, dirs } of origins) {
    const at = (dir: string) => (shown ? `${shown}/${dir}` : dir);
    for (const file of contentFiles(root, dirs.knowledge, '.md')) {
      const found = place(join(root, dirs.knowledge, file), at(`${dirs.knowledge}/${file}`), origin);
      add(entries, baseName(file), found, () => readEntry(() => readFileSync(found.path, 'utf8'), found.shown, origin).replaces === true);
    }
    for (const name of suiteFolders(root, dirs.suites)) {
      const found = place(join(root, dirs.suites, name), at(`${dirs.suites}/${name}`), origin);
      add(suites, name, found, () => readSuite(found.path, found.shown, origin).replaces === true);
    }
    for (const file of contentFiles(root, dirs.overlays, '.yml', '.yaml').filter((f) => !f.includes('/'))) {
      const label = origin === 'local' ? at(`${dirs.overlays}/${file}`) : `pack ${origin} ${dirs.overlays}/${file}`;
      try {
        layers.push(readLayer(readFileSync(join(root, dirs.overlays, file), 'utf8'), at(`${dirs.overlays}/${file}`), label));
      } catch (error) {
        if (!(error instanceof UserError)) throw error;
        problems.push(error);
      }
    }
  }
  if (problems.length > 0) throw combined(problems);

  const entry = oncePerKey((name: string) => {
    const found = entries.get(name);
    if (!found) throw new Error(`no knowledge entry ${name}`);
    return readEntry(() => readFileSync(found.path, 'utf8'), found.shown, found.origin);
  });
  const suite = oncePerKey((name: string) => {
    const found = suites.get(name);
    if (!found) throw new Error(`no suite ${name}`);
    return readSuite(found.path, found.shown, found.origin);
  });
  const shippedLayer = (file: string, label: string) => {
    const shown = `${METHODOLOGY_DIR}/${file}`;
    const path = join(PACKAGE_ROOT, shown);
    if (!existsSync(path)) throw new Error(`${shown} is missing`);
    return readShippedLayer(() => readFileSync(path, 'utf8'), shown, label);
  };
  return {
    types,
    knowledgeNames: new Set(entries.keys()),
    suiteNames: new Set(suites.keys()),
    entry,
    suite,
    originOf: (kind, name) => (kind === 'knowledge' ? entries : suites).get(name)?.origin,
    preset: (methodology) => shippedLayer(`${methodology}.yml`, `methodology ${methodology}`),
    typeOverlay: (type) => shippedLayer(`${type}-overlay.yml`, `${type} overlay`),
    layers,
    packs,
    known: {
      knowledge: new Set(entries.keys()),
      suites: new Set(suites.keys()),
      typeOf: (kind, name) => (kind === 'knowledge' ? entry(name).projectType : suite(name).projectType),
    },
  };
}

/** Add a pack's or the project's entry or suite; a name already taken must say `replaces: true`. */
function add(map: Map<string, Place>, name: string, found: Place, replaces: () => boolean): void {
  const existing = map.get(name);
  if (existing && !replaces()) {
    throw new UserError(
      `${found.shown}: "${name}" is already defined by ${existing.origin === 'shipped' ? 'Scaffold' : existing.origin} (${existing.shown}); rename it, or add \`replaces: true\` to take its place`,
    );
  }
  map.set(name, found);
}

/** Files with these extensions under root/dir, which must be a folder if it exists. */
function contentFiles(root: string, dir: string, ...extensions: string[]): string[] {
  const full = join(root, dir);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) throw new UserError(`${full} is a file, but Scaffold reads it as a folder of ${dir.split('/').pop()}: rename the file`);
  return filesUnder(full).filter((f) => extensions.some((e) => f.endsWith(e)));
}

function suiteFolders(root: string, dir: string): string[] {
  const names = new Set(contentFiles(root, dir, 'suite.yml').filter((f) => /^[^/]+\/suite\.yml$/.test(f)).map((f) => f.split('/')[0]!));
  return [...names].sort();
}

/** Several files' problems as one error (each line names its file). */
export function combined(errors: UserError[]): UserError {
  if (errors.length === 1) return errors[0]!;
  const lines = errors.flatMap((e) => [e.message, ...e.details]);
  const hint = errors.some((e) => e.hint) ? 'Fix the files named above and run again' : undefined;
  return new UserError(lines[0]!, lines.slice(1), { code: errors[0]!.code, hint });
}
