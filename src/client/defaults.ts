/**
 * Defaults the app shares with the CLI, kept apart from the engine so that importing them does not
 * bundle the engine into the page. Same instant as src/sim/cluster.ts DEFAULT_START (a unit test
 * keeps them equal).
 */
export const DEFAULT_START = Date.UTC(2025, 0, 15, 10, 0, 0);
