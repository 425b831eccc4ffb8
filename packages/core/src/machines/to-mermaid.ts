import type { Machine, MachineTable } from './machine.js';

/**
 * Draws a machine as a mermaid `stateDiagram-v2`, from its table: one arrow
 * per transition, labelled with the event and its guards. The docs' diagrams
 * are generated with it, so they cannot drift from the code.
 *
 * @example
 * ```ts
 * import { accountMachine, toMermaid } from '@rosterkit/core';
 * console.log(toMermaid(accountMachine));
 * // stateDiagram-v2
 * //     [*] --> pending
 * //     pending --> active: acceptInvitation
 * //     ...
 * ```
 */
export function toMermaid<T extends MachineTable, C>(machine: Machine<T, C>): string {
  // Mermaid state ids cannot contain '-'; keep the real name as the label.
  const id = (state: string) => state.replace(/[^A-Za-z0-9_]/g, '_');
  const lines = ['stateDiagram-v2', `    [*] --> ${id(machine.initial)}`];
  for (const state of Object.keys(machine.states)) {
    if (id(state) !== state) lines.push(`    state "${state}" as ${id(state)}`);
  }
  for (const [state, spec] of Object.entries(machine.states)) {
    for (const [event, next] of Object.entries(spec.on)) {
      const guards = next.guards.length > 0 ? ` [${next.guards.join(', ')}]` : '';
      lines.push(`    ${id(state)} --> ${id(next.target)}: ${event}${guards}`);
    }
    if (spec.final === true) lines.push(`    ${id(state)} --> [*]`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Lists a machine's transitions as a markdown table (from, event, to, guards,
 * effects, description), for docs next to the diagram.
 *
 * @example
 * ```ts
 * import { membershipMachine, toMarkdownTable } from '@rosterkit/core';
 * console.log(toMarkdownTable(membershipMachine));
 * ```
 */
export function toMarkdownTable<T extends MachineTable, C>(machine: Machine<T, C>): string {
  const code = (names: readonly string[]) =>
    names.length > 0 ? names.map((name) => `\`${name}\``).join(', ') : '—';
  const rows = [
    '| from | event | to | guards | effects | what happens |',
    '|---|---|---|---|---|---|',
  ];
  for (const [state, spec] of Object.entries(machine.states)) {
    for (const [event, next] of Object.entries(spec.on)) {
      rows.push(
        `| \`${state}\` | \`${event}\` | \`${next.target}\` | ${code(next.guards)} | ${code(next.effects)} | ${next.description.replaceAll('|', '\\|')} |`,
      );
    }
  }
  return `${rows.join('\n')}\n`;
}
