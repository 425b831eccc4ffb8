import {
  accountMachine,
  errorCodes,
  membershipMachine,
  toMarkdownTable,
  toMermaid,
} from '@rosterkit/core';
import { describeRoleSet, presets } from '@rosterkit/policies';
import { describeColumns, importSheet, updateSheet } from '@rosterkit/spreadsheets';

/**
 * Every generated block of the guides: a name, as used in the markers
 * `<!-- generated:NAME -->` … `<!-- /generated:NAME -->`, and the function that
 * renders its markdown from the code. Add an entry here to generate a new block.
 */
export const blocks: Record<string, () => string> = {
  'account-machine-diagram': () => fence('mermaid', toMermaid(accountMachine)),
  'account-machine-table': () => toMarkdownTable(accountMachine),
  'membership-machine-diagram': () => fence('mermaid', toMermaid(membershipMachine)),
  'membership-machine-table': () => toMarkdownTable(membershipMachine),
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
};

function fence(language: string, body: string): string {
  return `\`\`\`${language}\n${body}\`\`\`\n`;
}
