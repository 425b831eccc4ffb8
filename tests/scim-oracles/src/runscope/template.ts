/**
 * Runscope's template syntax: `{{name}}` is replaced by the variable's value
 * wherever a step allows it (URL, header values, body, assertion targets).
 * Runscope also has built-in functions (`{{random_int}}`, `{{timestamp}}`…);
 * Okta's file uses none, so a name that is not a variable is reported as
 * unresolved rather than guessed at, and the step that needs it does not run.
 */
const placeholder = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** A template with its variables substituted, and the names it could not resolve. */
export interface Interpolated {
  text: string;
  /** Names with no variable, in order of first appearance, each once. */
  unresolved: string[];
}

/**
 * Substitutes every `{{name}}` of `template` from `variables`. Values are
 * inserted as they are: no URL or JSON escaping, as Runscope does, so a test's
 * initial variables must be safe where the file puts them (Okta's go into
 * query strings and JSON strings: the generated ones are letters, digits, `-`,
 * `@` and `.`).
 *
 * @example
 * ```ts
 * interpolate('{{base}}/Users/{{id}}', new Map([['base', 'http://x']]));
 * // { text: 'http://x/Users/{{id}}', unresolved: ['id'] }
 * ```
 */
export function interpolate(
  template: string,
  variables: ReadonlyMap<string, string>,
): Interpolated {
  const unresolved: string[] = [];
  const text = template.replace(placeholder, (whole, name: string) => {
    const value = variables.get(name);
    if (value !== undefined) return value;
    if (!unresolved.includes(name)) unresolved.push(name);
    return whole;
  });
  return { text, unresolved };
}

/**
 * The variable names a template refers to, in order, each once.
 *
 * @example
 * ```ts
 * templateNames('{{a}}/{{b}}/{{a}}'); // ['a', 'b']
 * ```
 */
export function templateNames(template: string): string[] {
  return [...new Set(Array.from(template.matchAll(placeholder), (match) => match[1] ?? ''))];
}
