// `npm run check:cycles`: no import cycle in any package's source. A cycle
// makes the order in which modules initialize decide whether a value is
// there yet, and says two layers each think the other is below them.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'This import closes a cycle. Move what both sides need to the lower layer (model, then rules, then machines, then roster) and import it from there.',
      from: { path: '^packages/[^/]+/src/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports count: a cycle of types is still two layers that lean on each other.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    // A `./x.js` specifier (TypeScript's NodeNext style) resolves to `./x.ts`
    // when no `x.js` exists: dependency-cruiser does that by itself.
    exclude: { path: ['(^|/)dist/', '(^|/)node_modules/'] },
  },
};
