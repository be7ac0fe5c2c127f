/** Minimal glob matching for suite.yml file policies: `*` within a segment, `**` across segments. */
export function globToRegExp(glob: string): RegExp {
  let pattern = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      // `**/` matches zero or more whole directories; a trailing `**` matches everything.
      pattern += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (c === '*') pattern += '[^/]*';
    else if (c === '?') pattern += '[^/]';
    else pattern += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${pattern}$`);
}

/** Each glob compiled once: a suite's policies are asked about every file it writes. */
const compiled = new Map<string, RegExp>();

export function matchesAny(path: string, globs: string[]): boolean {
  return globs.some((glob) => {
    let regExp = compiled.get(glob);
    if (!regExp) compiled.set(glob, (regExp = globToRegExp(glob)));
    return regExp.test(path);
  });
}
