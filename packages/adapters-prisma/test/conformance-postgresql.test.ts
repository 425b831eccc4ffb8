import { runConformance } from './support/conformance.js';

runConformance('postgresql');
