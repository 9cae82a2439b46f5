#!/usr/bin/env bash
# Runs every test: the engine natively (cargo test), the built wasm package from Node, the
# packed npm package in scratch apps (Node, Vite, a plain page, TypeScript), and the
# playground and the example portal in headless Chromium. Installs what it needs first;
# safe to run again.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
trap 'echo "FAILED in step: ${BASH_COMMAND}" >&2' ERR
step "apt: chromium, CJK font" install_chromium
install_build_tools
step "cargo test (native engine)" cargo test --locked
step "cargo test (the benchmarks' heap counter)" cargo test --locked --quiet --features heap-stats --lib heap
# The fuzz targets are run by scripts/fuzz.sh (nightly); checking that they still compile on
# stable keeps an engine change from breaking them unnoticed.
step "cargo check (fuzz targets)" cargo check --locked --quiet --manifest-path fuzz/Cargo.toml
build_all
step "size report" node scripts/size-report.mjs
print_times
# Last, so the log ends with the test runner's summary.
step "node --test (wasm package, npm package, playground in Chromium)" node --test tests/node/ tests/package/ tests/e2e/
