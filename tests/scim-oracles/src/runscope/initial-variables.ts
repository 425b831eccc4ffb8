import { templateNames } from './template.js';
import type { RunscopeTest } from './test-file.js';

/**
 * The variables a test reads before any of its steps could have set them:
 * Runscope's "initial variables", which its user fills in. A name used only
 * after a step extracts it is not one (Okta's `{{ISVUserid}}` comes from the
 * first step); one used in a step before the step that extracts it is.
 * Scripts can set variables too, but Okta's does not, so a name a script sets
 * is still listed here.
 *
 * @example
 * ```ts
 * initialVariableNames(loadOktaSpecTest()); // ['SCIMBaseURL', 'auth', …]
 * ```
 */
export function initialVariableNames(test: RunscopeTest): string[] {
  const extracted = new Set<string>();
  const initial: string[] = [];
  const use = (template: string | null | undefined) => {
    for (const name of templateNames(template ?? '')) {
      if (!extracted.has(name) && !initial.includes(name)) initial.push(name);
    }
  };
  for (const step of test.steps) {
    if (step.type !== 'request') continue;
    use(step.url);
    for (const values of Object.values(step.headers)) values.forEach(use);
    use(step.body);
    // A step's assertions see what the step itself extracted.
    for (const variable of step.variables) extracted.add(variable.name);
    for (const assertion of step.assertions) use(assertion.value);
  }
  return initial;
}
