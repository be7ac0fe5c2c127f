/**
 * Conditions on answers: `{ ml.servingPattern: [realtime, edge] }` in an overlay's or a suite's
 * `when`, `{ projectPhase: training }` in a project type's rules. One meaning everywhere:
 * every key must match; a list means any of; a list-valued answer (uiSurfaces) matches when it
 * holds any listed value, and the empty list `[]` matches an empty answer.
 */
export type Scalar = string | number | boolean;
export type Condition = Record<string, Scalar | Scalar[]>;

/** `answerAt(key)` gives the answer a condition key names. */
export function matches(condition: Condition, answerAt: (key: string) => unknown): boolean {
  return Object.entries(condition).every(([key, expected]) => {
    const wanted = [expected].flat();
    const actual = answerAt(key);
    if (Array.isArray(actual)) return wanted.length === 0 ? actual.length === 0 : actual.some((v) => wanted.includes(v as Scalar));
    return wanted.includes(actual as Scalar);
  });
}

/** `ml.servingPattern: realtime|edge, ...`, for labels such as "ml overlay when ...". */
export function describeCondition(condition: Condition): string {
  return Object.entries(condition)
    .map(([key, v]) => `${key}: ${Array.isArray(v) && v.length === 0 ? '[]' : [v].flat().join('|')}`)
    .join(', ');
}
