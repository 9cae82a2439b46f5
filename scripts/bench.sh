#!/usr/bin/env bash
# Runs every benchmark of BENCHMARKS.md and prints its tables: the engine natively
# (criterion), the wasm package in Node and in headless Chromium side by side with the two
# JavaScript baselines (decimal.js and floats), and the baselines' agreement with the engine.
# Installs what it needs first (as scripts/test.sh does); safe to run again.
#
# Knobs (environment):
#   BENCH_DIR=target/bench      where the wasm package, the data files and the results go
#   BENCH_SIZES=1000,10000,100000   reps (× 1 month) for the Chromium runs
#   BENCH_NODE_SIZES=1000,10000     reps for the Node runs (100,000 needs several GB of heap and ~30 min)
#   BENCH_AGREE=10000               reps × 12 months on which the decimal.js baseline must agree with the engine
#   BENCH_CURVE=1000,3000,10000,30000,100000   reps for the engine-only scaling curve (Chromium)
#   BENCH_NATIVE_SIZES=1000,10000,100000   reps for cargo bench; BENCH_BIG=0 skips 100,000 × 12 months
#   BENCH_SKIP=native,agree,memory,node,chromium,curve   parts to leave out
# The machine is usually shared: the tables give medians, and BENCHMARKS.md says how loaded it
# was. Run as root, the JavaScript runs get a raised priority (nice -10) so that other work on
# the machine disturbs their wall-clock times less; the native runs measure CPU time anyway.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
trap 'echo "FAILED in step: ${BASH_COMMAND}" >&2' ERR

BENCH_DIR=$(mkdir -p "${BENCH_DIR:-$ROOT/target/bench}" && cd "${BENCH_DIR:-$ROOT/target/bench}" && pwd)
SIZES=${BENCH_SIZES:-1000,10000,100000}
NODE_SIZES=${BENCH_NODE_SIZES:-1000,10000}
AGREE=${BENCH_AGREE:-10000}
CURVE=${BENCH_CURVE:-1000,3000,10000,30000,100000}
SKIP=${BENCH_SKIP:-}
TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
SEED=42
skip() { [[ ",$SKIP," == *",$1,"* ]]; }

step "apt: chromium, CJK font" install_chromium
install_build_tools

machine() {
  echo "CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(nproc) cores; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "rustc: $(rustc --version); node: $(node --version); chromium: $(/usr/bin/chromium --version 2>/dev/null | head -1)"
}
machine | tee "$BENCH_DIR/machine.txt"

if ! skip native; then
  step "native: cargo bench (criterion)" env BENCH_SIZES="${BENCH_NATIVE_SIZES:-1000,10000,100000}" cargo bench --locked --bench evaluate
  node bench/criterion-table.mjs "$TARGET" | tee "$BENCH_DIR/native.md"
fi

make_data() { # the same seeded reps for the engine and the baselines, one month each
  mkdir -p "$BENCH_DIR/data"
  cargo build --locked --release --example synthetic_csv
  local n
  for n in ${SIZES//,/ } ${NODE_SIZES//,/ } ${CURVE//,/ } "$AGREE"; do
    local f="$BENCH_DIR/data/reps-$n.csv"
    [ -s "$f" ] && [ "$f" -nt src/data/synthetic.rs ] || "$TARGET/release/examples/synthetic_csv" "$n" 1 "$SEED" >"$f"
  done
  local f="$BENCH_DIR/data/reps-${AGREE}x12.csv"
  [ -s "$f" ] && [ "$f" -nt src/data/synthetic.rs ] || "$TARGET/release/examples/synthetic_csv" "$AGREE" 12 "$SEED" >"$f"
}
# One package (web target) for Node and Chromium, in a directory of its own: www/pkg is the page's.
# With the live-heap counter (src/heap.rs) for the memory figures: an add per allocation.
build_bench_pkg() { wasm-pack build --mode no-install --release --target web --out-dir "$BENCH_DIR/pkg" -- --locked --features heap-stats; }

if ! skip agree || ! skip memory || ! skip node || ! skip chromium || ! skip curve; then
  step "data files (synthetic_csv)" make_data
  step "wasm package for the benchmarks" build_bench_pkg
fi
# Results for 100,000 reps are large JavaScript objects: give Node the heap for them.
NODE_BENCH=(node --max-old-space-size=8192)
[ "$(id -u)" = 0 ] && NODE_BENCH=(nice -n -10 "${NODE_BENCH[@]}")
if ! skip agree; then
  step "agreement: decimal.js baseline vs engine, ${AGREE} reps × 12 months" bash -c "set -o pipefail; node bench/agreement.mjs --pkg '$BENCH_DIR/pkg' --csv '$BENCH_DIR/data/reps-${AGREE}x12.csv' | tee '$BENCH_DIR/agree.md'"
fi
if ! skip memory; then
  step "memory per rep-period: one month and twelve (Node)" bash -c "set -o pipefail; node bench/memory.mjs --pkg '$BENCH_DIR/pkg' '$BENCH_DIR/data/reps-${AGREE}.csv' '$BENCH_DIR/data/reps-${AGREE}x12.csv' | tee '$BENCH_DIR/memory.md'"
fi
if ! skip node; then
  step "WASM in Node, with the baselines" bash -c "set -o pipefail; ${NODE_BENCH[*]} bench/wasm-node.mjs --pkg '$BENCH_DIR/pkg' --data '$BENCH_DIR/data' --sizes $NODE_SIZES --out '$BENCH_DIR/node.json' | tee '$BENCH_DIR/node.md'"
fi
if ! skip chromium; then
  step "WASM in Chromium, with the baselines" bash -c "set -o pipefail; ${NODE_BENCH[*]} bench/wasm-browser.mjs --pkg '$BENCH_DIR/pkg' --data '$BENCH_DIR/data' --sizes $SIZES --out '$BENCH_DIR/chromium.json' | tee '$BENCH_DIR/chromium.md'"
fi
if ! skip curve; then
  step "WASM in Chromium, scaling curve (engine only)" bash -c "set -o pipefail; ${NODE_BENCH[*]} bench/wasm-browser.mjs --no-baselines --pkg '$BENCH_DIR/pkg' --data '$BENCH_DIR/data' --sizes $CURVE --out '$BENCH_DIR/curve.json' | tee '$BENCH_DIR/curve.md'"
fi

print_times
echo
echo "=== results (also in $BENCH_DIR/*.md)"
cat "$BENCH_DIR/machine.txt"
for part in native agree memory node chromium curve; do
  [ -s "$BENCH_DIR/$part.md" ] && ! skip "$part" && { echo; echo "## $part"; cat "$BENCH_DIR/$part.md"; }
done
true
