/**
 * The project's commands, from its selected suites: what init prints as next steps and what the
 * agent files list. A suite that builds on no other (a base) brings the install, test, type-check
 * and lint commands; a suite on another stack than the suites it builds on (the Swift or Kotlin
 * tests beside a TypeScript base) runs with its own toolchain, so its commands join them. Any
 * other suite runs with its base; its own `run`, when it differs, is a focused command.
 */
import type { Catalog } from '../catalog/catalog.js';
import type { Suite } from '../catalog/suites.js';
import type { Selection } from '../overlays/merge.js';

export interface ProjectCommands {
  install: string[];
  /** `install` with uv where a suite says how (`install-uv`). */
  installUv: string[];
  activate: string[];
  test: string[];
  typecheck: string[];
  lint: string[];
  /** Other suites' own commands: `[what, command]`. */
  focused: [string, string][];
}

export function projectCommands(selection: Selection, catalog: Catalog): ProjectCommands {
  const suites = selection.suites.map((s) => catalog.suite(s.name));
  const ownRunner = (s: Suite) => s.requires.every((r) => catalog.suite(r).stack !== s.stack);
  const runners = suites.filter(ownRunner);
  const all = (pick: (s: Suite) => string | undefined) => [...new Set(runners.map(pick).filter((c): c is string => !!c))];
  const test = all((s) => s.run);
  return {
    install: all((s) => s.install),
    installUv: all((s) => s.installUv ?? s.install),
    activate: all((s) => s.activate),
    test,
    typecheck: all((s) => s.typecheck),
    lint: all((s) => s.lint),
    focused: suites.filter((s) => !ownRunner(s) && s.run && !test.includes(s.run)).map((s) => [s.description, s.run!]),
  };
}
