// Loads the wasm engine once per page and hands out the module's exports.
import init, * as wasm from '../pkg/incentive_engine.js';

let ready;

/** Resolves to the engine module (Engine, jsonSyntax; the presets and samples are in ../gen/presets.js) once the wasm is compiled. */
export function loadEngine() {
  ready ??= init().then(() => wasm);
  return ready;
}
