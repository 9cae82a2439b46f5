// Assembles the npm package `incentive-engine` in dist/npm/ and packs it into
// dist/incentive-engine-<version>.tgz (`npm pack`). Run after both wasm-pack builds
// (scripts/lib.sh: build_wasm_web → www/pkg, build_wasm_node → pkg-node); `build_package`
// does all three. The two builds compile to the same .wasm, so the package holds it once:
//
//   incentive_engine.js / .d.ts   the web build (ES module; `await init()` fetches the .wasm)
//   incentive_engine_bg.wasm      the engine, shared by both builds
//   node.cjs / node.d.cts         the nodejs build (CommonJS; compiles the .wasm on load)
//   node.mjs / node.d.mts         Node's ES module entry over node.cjs (npm/node.mjs,
//                                 npm/node-init.d.ts)
//   playground.js / .d.ts         <sales-plan-playground>, bundled from www/src with its
//                                 engine import pointing at ./incentive_engine.js and its
//                                 presets at ./presets.js
//   presets.js / .cjs / .d.ts     `incentive-engine/presets`: the preset plans and the sample
//                                 data, outside the wasm (scripts/presets.mjs, issue 6)
//   schema/                       the JSON Schemas of the plan and the results, and the
//                                 TypeScript types generated from them
//   docs/plan-format.md           the plan format reference
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { writePresets } from './presets.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const at = (path) => `${root}${path}`;
const out = at('dist/npm/');
const WEB = at('www/pkg/');
const NODE = at('pkg-node/');
const GLUE = 'incentive_engine';

/** The `[package]` version in Cargo.toml. */
function crateVersion() {
  const cargo = readFileSync(at('Cargo.toml'), 'utf8');
  const pkg = cargo.slice(cargo.indexOf('[package]'));
  const version = pkg.match(/^version\s*=\s*"([^"]+)"/m)?.[1];
  if (!version) throw new Error('no [package] version in Cargo.toml');
  return version;
}

function must(path, hint) {
  if (!existsSync(path)) throw new Error(`${path} is missing: ${hint}`);
}

/** Fails unless the web and nodejs builds exist and came from the same compilation. */
function checkBuilds() {
  for (const f of [`${GLUE}.js`, `${GLUE}.d.ts`, `${GLUE}_bg.wasm`]) {
    must(WEB + f, 'run build_wasm_web (scripts/lib.sh) first');
    must(NODE + f, 'run build_wasm_node (scripts/lib.sh) first');
  }
  if (!readFileSync(WEB + `${GLUE}_bg.wasm`).equals(readFileSync(NODE + `${GLUE}_bg.wasm`))) {
    throw new Error('www/pkg and pkg-node hold different .wasm files (built from different sources): run build_wasm_web and build_wasm_node again');
  }
}

/** The playground's custom element as one ES module whose engine is the package's own. */
async function bundlePlayground() {
  const engineInPackage = {
    name: 'engine-in-package',
    setup(b) {
      // www/src/engine.js imports '../pkg/incentive_engine.js' (www/pkg); in the package it sits beside the bundle.
      b.onResolve({ filter: /^\.\.\/pkg\/incentive_engine\.js$/ }, () => ({ path: `./${GLUE}.js`, external: true }));
      // www/src/playground.js imports '../gen/presets.js': the package's own presets.js, held once.
      b.onResolve({ filter: /^\.\.\/gen\/presets\.js$/ }, () => ({ path: './presets.js', external: true }));
    },
  };
  await build({
    entryPoints: [at('www/src/playground.js')],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    legalComments: 'eof',
    outfile: `${out}playground.js`,
    plugins: [engineInPackage],
    logLevel: 'warning',
  });
}

function packageJson(version, schemaFiles) {
  const description = readFileSync(at('Cargo.toml'), 'utf8').match(/^description\s*=\s*"([^"]+)"/m)?.[1];
  return {
    name: 'incentive-engine',
    version,
    description,
    license: 'MIT',
    keywords: ['incentive', 'commission', 'sales', 'kpi', 'compensation', 'webassembly', 'custom-element', '激励', '提成'],
    type: 'module',
    // Conditions: Node takes the nodejs build (ES module or CommonJS); browsers and bundlers
    // (Vite, webpack, esbuild) take the web build, which needs `await init()`.
    exports: {
      '.': {
        node: {
          import: { types: './node.d.mts', default: './node.mjs' },
          require: { types: './node.d.cts', default: './node.cjs' },
        },
        types: `./${GLUE}.d.ts`,
        default: `./${GLUE}.js`,
      },
      './web': { types: `./${GLUE}.d.ts`, default: `./${GLUE}.js` },
      './playground': { types: './playground.d.ts', default: './playground.js' },
      './playground.js': { types: './playground.d.ts', default: './playground.js' },
      // The presets and the sample data, without the engine: `import { presets } from 'incentive-engine/presets'`.
      './presets': {
        import: { types: './presets.d.ts', default: './presets.js' },
        require: { types: './presets.d.cts', default: './presets.cjs' },
      },
      [`./${GLUE}_bg.wasm`]: `./${GLUE}_bg.wasm`,
      ...Object.fromEntries(schemaFiles.filter((f) => f.endsWith('.json')).map((f) => [`./${f}`, `./schema/${f}`])),
      './schema/*': './schema/*',
      './package.json': './package.json',
    },
    main: './node.cjs',
    module: `./${GLUE}.js`,
    types: `./${GLUE}.d.ts`,
    files: [
      `${GLUE}.js`, `${GLUE}.d.ts`, `${GLUE}_bg.wasm`,
      'node.cjs', 'node.d.cts', 'node.mjs', 'node.d.mts',
      'playground.js', 'playground.d.ts',
      'presets.js', 'presets.cjs', 'presets.d.ts', 'presets.d.cts',
      'schema/', 'docs/',
    ],
    // Importing the playground defines the custom element; the nodejs build compiles the wasm on load.
    sideEffects: ['./playground.js', './node.cjs', './node.mjs'],
    engines: { node: '>=18' },
  };
}

/**
 * The types with `Engine`'s constructor private, as wasm-bindgen declares a class without one:
 * the Rust constructor only throws a clear `no_constructor` error for plain JavaScript, and
 * declares no type (`skip_typescript`), so that TypeScript refuses `new Engine()` outright.
 */
function privateConstructor(types) {
  const declared = 'export class Engine {\n';
  if (!types.includes(declared)) throw new Error('the generated types declare no `export class Engine {`');
  return types.replace(declared, `${declared}    private constructor();\n`);
}

export async function assemble() {
  checkBuilds();
  const version = crateVersion();
  rmSync(out, { recursive: true, force: true });
  mkdirSync(`${out}schema`, { recursive: true });
  mkdirSync(`${out}docs`, { recursive: true });

  for (const f of [`${GLUE}.js`, `${GLUE}_bg.wasm`]) copyFileSync(WEB + f, out + f);
  copyFileSync(`${NODE}${GLUE}.js`, `${out}node.cjs`);
  // Types. wasm-bindgen declares `[Symbol.dispose]()`, which needs TypeScript's
  // esnext.disposable lib: the files say so themselves, so that consumers need not add it
  // (or skipLibCheck). Node's types are the nodejs build's own: they need no DOM types.
  const needs = '/// <reference lib="esnext.disposable" />\n';
  const nodeTypes = privateConstructor(readFileSync(`${NODE}${GLUE}.d.ts`, 'utf8'));
  writeFileSync(`${out}${GLUE}.d.ts`, needs + privateConstructor(readFileSync(`${WEB}${GLUE}.d.ts`, 'utf8')));
  writeFileSync(`${out}node.d.cts`, needs + nodeTypes);
  writeFileSync(`${out}node.d.mts`, needs + nodeTypes + '\n' + readFileSync(at('npm/node-init.d.ts'), 'utf8'));
  for (const f of ['node.mjs', 'playground.d.ts', 'README.md']) copyFileSync(at(`npm/${f}`), out + f);
  const presets = writePresets();
  for (const f of ['presets.js', 'presets.cjs', 'presets.d.ts', 'presets.d.cts']) copyFileSync(presets + f, out + f);
  copyFileSync(at('LICENSE'), `${out}LICENSE`);
  copyFileSync(at('docs/plan-format.md'), `${out}docs/plan-format.md`);
  const schemaFiles = existsSync(at('schema')) ? readdirSync(at('schema')).filter((f) => /\.(json|d\.ts)$/.test(f)) : [];
  for (const f of schemaFiles) copyFileSync(at(`schema/${f}`), `${out}schema/${f}`);
  await bundlePlayground();
  writeFileSync(`${out}package.json`, JSON.stringify(packageJson(version, schemaFiles), null, 2) + '\n');

  const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', at('dist')], { cwd: out, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }));
  const tarball = at(`dist/${packed.filename}`);
  console.log(`${tarball}: ${packed.entryCount} files, ${(packed.size / 1024).toFixed(1)} KB packed, ${(packed.unpackedSize / 1024).toFixed(1)} KB unpacked`);
  return tarball;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await assemble();
