export {
  type LocateOptions,
  locateScimOracle,
  OracleFileMissingError,
  readScimOracle,
  type ScimOracleFile,
  scimOracleFiles,
  sharedDirEnvironmentVariable,
} from './oracle-files.js';
export {
  loadMicrosoftScimCollection,
  microsoftCollectionVariables,
  microsoftItemsNotRun,
  type RunMicrosoftScimCollectionOptions,
  runMicrosoftScimCollection,
} from './postman/microsoft-collection.js';
export type {
  PostmanAssertionReport,
  PostmanExecution,
  PostmanFailure,
  PostmanRunReport,
} from './postman/report.js';
export {
  asPostmanCollection,
  type PostmanCollectionJson,
  type RunPostmanCollectionOptions,
  runPostmanCollection,
} from './postman/run-postman-collection.js';
export {
  type ComparisonResult,
  castToNumber,
  castToText,
  compare,
  comparisonsWithTarget,
  type RunscopeComparison,
  runscopeComparisons,
} from './runscope/comparisons.js';
export { initialVariableNames } from './runscope/initial-variables.js';
export {
  loadOktaSpecTest,
  type OktaSpecTestVariablesInput,
  oktaSpecTestVariables,
  type RunOktaSpecTestOptions,
  runOktaSpecTest,
} from './runscope/okta-spec-test.js';
export {
  type Lookup,
  type PathSegment,
  parsePropertyPath,
  readProperty,
} from './runscope/property-path.js';
export {
  type AssertionReport,
  describeAssertion,
  type PauseStepReport,
  type ReceivedResponse,
  type RequestStepReport,
  type RunscopeFailure,
  type RunscopeRunReport,
  runscopeFailures,
  type ScriptReport,
  type SentRequest,
  type StepReport,
  type VariableReport,
} from './runscope/report.js';
export { type RunRunscopeTestOptions, runRunscopeTest } from './runscope/run-runscope-test.js';
export {
  runPostResponseScript,
  type ScriptOutcome,
  type ScriptRequest,
  type ScriptResponse,
} from './runscope/script.js';
export { type Interpolated, interpolate, templateNames } from './runscope/template.js';
export {
  parseRunscopeTest,
  type RunscopeAssertionDefinition,
  type RunscopeAssertionSource,
  RunscopeFormatError,
  type RunscopePauseStep,
  type RunscopeRequestStep,
  type RunscopeStep,
  type RunscopeTest,
  type RunscopeVariableDefinition,
  runscopeAssertionSources,
} from './runscope/test-file.js';
