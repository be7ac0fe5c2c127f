/** Read overlay files (presets, project-type overlays, local overlays) and check the names they use. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatIssues } from '../config/issues.js';
import { knownKeys } from '../config/schema.js';
import { overlaySchema, type Overlay } from '../config/overlay-schema.js';
import type { ProjectType } from '../config/project-types.js';
import type { Methodology } from '../config/schema.js';
import { didYouMean } from '../config/suggest.js';
import { builtSource, parseYamlSource, type Source } from '../config/yaml-source.js';
import { builtData } from '../compiled.js';
import { UserError } from '../errors.js';
import { PACKAGE_ROOT } from '../package-root.js';
import type { Layer } from './merge.js';

/** A layer together with where it came from, so problems can name the file and line. */
export interface LoadedLayer extends Layer {
  source: Source;
  /** Path of the overlay inside the source (`['overlay']` for config.yml's inline overlay). */
  at: PropertyKey[];
}

export const LOCAL_OVERLAY_DIR = '.scaffold/overlays';
export const METHODOLOGY_DIR = 'content/methodology';

/** `shipped`: one of Scaffold's own overlays, which the build may have parsed and checked. */
export function loadOverlayFile(path: string, shownAs: string, label: string, shipped = false): LoadedLayer {
  const text = readFileSync(path, 'utf8');
  const built = shipped ? builtData<Overlay>(shownAs, text) : undefined;
  if (built) return { label, overlay: built, source: builtSource(text, shownAs, built), at: [] };
  const source = parseYamlSource(text, shownAs);
  const result = overlaySchema().safeParse(source.data, { reportInput: true });
  if (!result.success) {
    const lines = formatIssues(result.error.issues, source, (p) => knownKeys(overlaySchema(), p));
    throw new UserError(lines[0]!, [...lines.slice(1), `Fix ${shownAs} and run again`]);
  }
  return { label, overlay: result.data, source, at: [] };
}

export function loadMethodology(methodology: Methodology, type: ProjectType): { preset: LoadedLayer; typeOverlay: LoadedLayer } {
  const file = (name: string) => loadOverlayFile(join(PACKAGE_ROOT, METHODOLOGY_DIR, name), `${METHODOLOGY_DIR}/${name}`, '', true);
  const preset = { ...file(`${methodology}.yml`), label: `methodology ${methodology}` };
  const typeOverlay = { ...file(`${type}-overlay.yml`), label: `${type} overlay` };
  return { preset, typeOverlay };
}

/** `.scaffold/overlays/*.yml` in file-name order. */
export function readLocalOverlays(projectDir: string, type: ProjectType): LoadedLayer[] {
  const dir = join(projectDir, LOCAL_OVERLAY_DIR);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => {
      const shownAs = `${LOCAL_OVERLAY_DIR}/${f}`;
      const layer = loadOverlayFile(join(dir, f), shownAs, shownAs);
      const forType = layer.overlay['project-type'];
      if (forType && forType !== type) {
        throw new UserError(
          `${shownAs}:${layer.source.lineOf(['project-type'])}: this overlay is for ${forType} projects, but this project is ${type}. Remove project-type or the file.`,
        );
      }
      return layer;
    });
}

/** Every knowledge or suite name an overlay uses must exist. Returns one line per problem. */
export function unknownNames(layer: LoadedLayer, known: { knowledge: Set<string>; suites: Set<string> }): string[] {
  const problems: string[] = [];
  const blocks: [Omit<Overlay, 'when'>, PropertyKey[]][] = [[layer.overlay, layer.at]];
  layer.overlay.when?.forEach((block, i) => blocks.push([block, [...layer.at, 'when', i]]));
  for (const [block, at] of blocks) {
    for (const kind of ['knowledge', 'suites'] as const) {
      for (const op of ['add', 'remove', 'replace'] as const) {
        block[kind]?.[op]?.forEach((name, i) => {
          if (known[kind].has(name)) return;
          const line = layer.source.lineOf([...at, kind, op, i]);
          const what = kind === 'knowledge' ? 'knowledge entry' : 'suite';
          problems.push(
            `${layer.source.file}:${line}: unknown ${what} "${name}"${didYouMean(name, known[kind])}; \`scaffold list ${kind}\` shows them all`,
          );
        });
      }
    }
  }
  return problems;
}
