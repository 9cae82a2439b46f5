// Shared by the package tests: the packed tarball (dist/incentive-engine-<version>.tgz, made
// by build_package in scripts/lib.sh; assembled here if it is missing) installed into a
// scratch app in a temporary directory, the way a portal developer would install it.
// `npm install --offline`: the package has no dependencies, so nothing comes from a registry.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The crate's version: the package's version. */
export function version() {
  const cargo = readFileSync(join(ROOT, 'Cargo.toml'), 'utf8');
  return cargo.slice(cargo.indexOf('[package]')).match(/^version\s*=\s*"([^"]+)"/m)[1];
}

/** The path of the packed package, assembling it first if it is not there. */
export async function tarball() {
  const path = join(ROOT, 'dist', `incentive-engine-${version()}.tgz`);
  if (!existsSync(path)) {
    const { assemble } = await import('../../scripts/package.mjs');
    await assemble();
  }
  return path;
}

/**
 * A new app directory with the tarball installed in node_modules and `files` written into
 * it ({ relative path: text }). `remove()` deletes it.
 */
export async function scratchApp(files = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'incentive-engine-app-'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'scratch-portal', private: true, type: 'module' }, null, 2));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--loglevel=error', await tarball()], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Runs `node file` in `dir`; returns what it printed as JSON. */
export function runNode(dir, file) {
  return JSON.parse(execFileSync(process.execPath, [file], { cwd: dir, encoding: 'utf8' }));
}
