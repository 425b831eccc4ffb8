/**
 * True when A and B are the same type. The model files use it to prove at
 * compile time that each documented interface and its zod schema agree.
 *
 * @internal
 */
export type Equals<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/**
 * Compiles only when its argument is `true`.
 *
 * @internal
 */
export type Assert<T extends true> = T;
