#!/usr/bin/env bash
# Builds the engine and the playground, then serves it on http://127.0.0.1:${PORT:-8080}/
# with the built-in sample reps. Installs what it needs first; safe to run again.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
install_build_tools
step "wasm-pack build --target web" build_wasm_web
step "bundle the playground (esbuild)" bundle_page
print_times
echo
echo "Playground: http://127.0.0.1:${PORT:-8080}/   (Ctrl+C to stop)"
echo "Example portal embedding it: http://127.0.0.1:${PORT:-8080}/examples/portal.html"
exec node scripts/serve.mjs
