import {
  accountMachine,
  errorCodes,
  type Machine,
  type MachineTable,
  membershipMachine,
} from '@rosterkit/core';
import { toMermaid } from '@rosterkit/core/extra';
import { httpProblemCodes, type ProblemCode, problemStatuses, rosterRoutes } from '@rosterkit/http';
import { describeRoleSet, presets } from '@rosterkit/policies';
import { describeColumns, importSheet, updateSheet } from '@rosterkit/spreadsheets';

/**
 * Every generated block of the guides: a name, as used in the markers
 * `<!-- generated:NAME -->` … `<!-- /generated:NAME -->`, and the function that
 * renders its markdown from the code. Add an entry here to generate a new block.
 */
export const blocks: Record<string, () => string> = {
  'account-machine-diagram': () => fence('mermaid', toMermaid(accountMachine)),
  'account-machine-table': () => machineTable(accountMachine),
  'membership-machine-diagram': () => fence('mermaid', toMermaid(membershipMachine)),
  'membership-machine-table': () => machineTable(membershipMachine),
  'error-codes': () =>
    [
      '| code | meaning |',
      '|---|---|',
      ...Object.entries(errorCodes).map(
        ([code, { description }]) => `| \`${code}\` | ${description} |`,
      ),
      '',
    ].join('\n'),
  'preset-permissions': () =>
    Object.entries(presets)
      .map(([name, roleSet]) => `### \`presets.${name}\`\n\n${describeRoleSet(roleSet)}`)
      .join('\n'),
  'import-columns': () =>
    `${describeColumns(importSheet())}\nThen one column per profile field given in \`importSheet({ profileFields })\`: headed by its name in words (\`homeExtension\` → \`Home extension\`), field \`profile.<name>\`, type text, not required unless told.\n`,
  'update-columns': () => describeColumns(updateSheet()),
  'http-routes': () =>
    [
      '| method | path | command | success | auth |',
      '|---|---|---|---|---|',
      ...rosterRoutes.map(
        (route) =>
          `| ${route.method} | \`${route.path}\` | \`${route.operationId}\` | ${route.status} | ${route.auth === 'public' ? '**none**' : 'actor'} |`,
      ),
      '',
    ].join('\n'),
  'http-statuses': () =>
    [
      '| status | codes |',
      '|---|---|',
      ...[...new Set(Object.values(problemStatuses))]
        .sort((a, b) => a - b)
        .map((status) => {
          const codes = (Object.keys(problemStatuses) as ProblemCode[])
            .filter((code) => problemStatuses[code] === status)
            .map((code) => (code in httpProblemCodes ? `\`${code}\`\u00b9` : `\`${code}\``));
          return `| ${status} | ${codes.join(', ')} |`;
        }),
      '',
    ].join('\n'),
};

/**
 * A machine's transition table for the site: the rows of core's
 * `toMarkdownTable`, with the event and its `from → to` in one column, and
 * camelCase names free to break between their words (`<wbr>`). Six columns of
 * unbreakable names cannot fit the content column of a screen below ~1600 px
 * (they ran under the page's table of contents); these four can.
 */
function machineTable<T extends MachineTable, C>(machine: Machine<T, C>): string {
  const rows = ['| event: from → to | guards | effects | what happens |', '|---|---|---|---|'];
  for (const [state, spec] of Object.entries(machine.states)) {
    for (const [event, next] of Object.entries(spec.on)) {
      rows.push(
        `| ${code(event)}<br>${code(state)} → ${code(next.target)} | ${list(next.guards)} | ${list(next.effects)} | ${next.description.replaceAll('|', '\\|')} |`,
      );
    }
  }
  return `${rows.join('\n')}\n`;
}

function list(names: readonly string[]): string {
  return names.length > 0 ? names.map(code).join(', ') : '—';
}

function code(name: string): string {
  return /[a-z][A-Z]/.test(name)
    ? `<code>${name.replace(/(?<=[a-z])(?=[A-Z])/g, '<wbr>')}</code>`
    : `\`${name}\``;
}

function fence(language: string, body: string): string {
  return `\`\`\`${language}\n${body}\`\`\`\n`;
}
