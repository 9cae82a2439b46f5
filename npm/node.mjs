// incentive-engine in Node as an ES module. The nodejs build (node.cjs) compiles the wasm
// when it is loaded, so there is nothing to wait for; `init()` and `initSync()` exist only so
// that code shared with the browser build (which must call `await init()` first) runs as is.
export * from './node.cjs';

/**
 * Resolves at once: in Node the engine is ready as soon as it is imported. Accepts and
 * ignores the browser build's argument.
 * @returns {Promise<void>}
 */
export default async function init(_moduleOrPath) {}

/**
 * Does nothing in Node (the engine is ready); the browser build compiles the wasm here.
 * @returns {void}
 */
export function initSync(_module) {}
