/**
 * The engine's tsconfig has no DOM and no Node types on purpose. structuredClone is the one host
 * API it relies on; it exists with the same semantics in browsers, Web Workers and Node >= 17.
 */
declare function structuredClone<T>(value: T): T;
