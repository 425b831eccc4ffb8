/**
 * `@rosterkit/http/node`: serves the fetch handler on `node:http`, Express
 * and Fastify.
 *
 * @packageDocumentation
 */
export type { NodeListenerOptions } from './node-listener.js';
export { toNodeListener } from './node-listener.js';
