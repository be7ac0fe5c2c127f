/** The helpers templates may call. parse.ts rejects any other name; run.ts calls these. */
export type Helper = (this: Record<string, unknown>, ...args: unknown[]) => unknown;

export const HELPERS: Record<string, Helper> = {
  eq: (a, b) => a === b,
  ne: (a, b) => a !== b,
  not: (a) => !a,
  // As in Handlebars, a helper's last argument is an options object, not a value.
  and: (...args) => args.slice(0, -1).every(Boolean),
  or: (...args) => args.slice(0, -1).some(Boolean),
  /** `(includes browserExtension.uiSurfaces "popup")`, or with several values: any of them. */
  includes: (list, ...args) => Array.isArray(list) && args.slice(0, -1).some((v) => list.includes(v)),
  /** `(oneOf ml.servingPattern "realtime" "edge")`: the value is one of those listed. */
  oneOf: (value, ...args) => args.slice(0, -1).includes(value),
  /** `{{join browserExtension.uiSurfaces ", "}}` */
  join: (list, separator) => (Array.isArray(list) ? list.join(typeof separator === 'string' ? separator : ', ') : ''),
  /** `{{json value}}`: a JSON literal, for generated code and config files. */
  json: (value) => JSON.stringify(value),
  /**
   * `{{ref "ml-testing"}}`: a reference to another knowledge entry. A link when the project's
   * knowledge base has it, else its name and how to read it, so no rendered link dangles.
   */
  ref: function (this: Record<string, unknown>, name) {
    const selected = this.selectedKnowledge;
    return Array.isArray(selected) && selected.includes(name)
      ? `[${String(name)}](${String(this.knowledgeLinkBase ?? '')}${String(name)}.md)`
      : `${String(name)} (not in this knowledge base; \`npx scaffold-overlays show ${String(name)}\` prints it)`;
  },
};
