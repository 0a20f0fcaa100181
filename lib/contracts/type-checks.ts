/** `true` when A and B are the same type, else `false`: for compile-time checks written as constants. */
export type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/** Compiles only when given `true`: `type _ = Assert<Equal<A, B>>` fails the build when A and B differ. */
export type Assert<T extends true> = T;
