/** A response body read loosely: its shape is checked by the route's schema, not by this type. */
// biome-ignore lint/suspicious/noExplicitAny: bodies are navigated freely in assertions
export type Json = Record<string, any>;
