// Appended to the nodejs build's types to make node.d.mts, the types of
// `import … from 'incentive-engine'` in Node: the same API as the browser build.

/** Resolves at once: in Node the engine is ready as soon as it is imported. */
export default function init(module_or_path?: unknown): Promise<void>;

/** Does nothing in Node (the engine is ready as soon as it is imported). */
export function initSync(module?: unknown): void;
