/** A SCIM response body read loosely: the assertions navigate it freely. */
// biome-ignore lint/suspicious/noExplicitAny: bodies are navigated freely in assertions
export type Json = Record<string, any>;
