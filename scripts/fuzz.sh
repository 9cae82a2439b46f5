#!/usr/bin/env bash
# Runs every cargo-fuzz target of fuzz/ for a while each, one after the other on one core:
#
#   scripts/fuzz.sh [seconds-per-target] [target ...]     (default: 600 s, every target)
#
# Installs what it needs first (the nightly toolchain, cargo-fuzz), skipping whatever is
# there already. Each target starts from its seeds in fuzz/corpus/<target>/ (kept in the
# repo) plus what earlier runs found (kept in $FUZZ_WORK, default /tmp/incentive-fuzz, not in
# the repo). A crash, a timeout or an out-of-memory input is saved under fuzz/artifacts/
# <target>/ and makes the script exit non-zero; reproduce one with
#   cargo +nightly fuzz run --sanitizer none <target> fuzz/artifacts/<target>/<file>
# The last lines printed are a table: target, seconds, executions, coverage, result.
set -Eeuo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
command -v cargo >/dev/null 2>&1 || export PATH="$HOME/.cargo/bin:$PATH"
export CARGO_TERM_COLOR=never

SECONDS_PER_TARGET=${1:-600}
shift || true
WORK=${FUZZ_WORK:-/tmp/incentive-fuzz}
TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}/fuzz
# One core: one libFuzzer process, and cargo building with one job.
export CARGO_BUILD_JOBS=${CARGO_BUILD_JOBS:-1}
# The engine has no unsafe code: AddressSanitizer would only slow every run down (about 2×).
# FUZZ_SANITIZER=address turns it back on.
SANITIZER=${FUZZ_SANITIZER:-none}

rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
cargo fuzz --version >/dev/null 2>&1 || cargo install cargo-fuzz --locked

mapfile -t ALL < <(cargo +nightly fuzz list --fuzz-dir fuzz)
TARGETS=("$@")
((${#TARGETS[@]})) || TARGETS=("${ALL[@]}")

cargo +nightly fuzz build --fuzz-dir fuzz --target-dir "$TARGET_DIR" --sanitizer "$SANITIZER"
mkdir -p "$WORK/logs"
SUMMARY=()
status=0
for target in "${TARGETS[@]}"; do
  corpus="$WORK/corpus/$target"
  artifacts="$ROOT/fuzz/artifacts/$target"
  mkdir -p "$corpus" "$artifacts"
  log="$WORK/logs/$target.log"
  echo "=== $target: ${SECONDS_PER_TARGET}s (log: $log)"
  start=$SECONDS
  # New inputs go to the first corpus directory (outside the repo); the seeds are read only.
  # -timeout: an input slower than 10 s is a finding; -rss_limit_mb: so is one using 2 GB.
  if cargo +nightly fuzz run --fuzz-dir fuzz --target-dir "$TARGET_DIR" --sanitizer "$SANITIZER" "$target" "$corpus" "fuzz/corpus/$target" -- \
      -max_total_time="$SECONDS_PER_TARGET" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
      -artifact_prefix="$artifacts/" >"$log" 2>&1; then
    result="no crash"
  else
    result="FAILED: $(ls "$artifacts" | head -3 | tr '\n' ' ')(see $log)"
    status=1
  fi
  execs=$(awk '/stat::number_of_executed_units/ {print $2}' "$log" | tail -1)
  cov=$(grep -Eo 'cov: [0-9]+ ft: [0-9]+' "$log" | tail -1)
  corp=$(grep -Eo 'corp: [0-9]+/[0-9]+[a-zA-Z]*' "$log" | tail -1)
  SUMMARY+=("$(printf '%-16s %6ss %12s execs  %-22s %-18s %s' "$target" $((SECONDS - start)) "${execs:-?}" "${cov:-?}" "${corp:-?}" "$result")")
done
echo
echo "=== fuzz summary ($(date -u +%Y-%m-%dT%H:%MZ), $(rustc +nightly --version))"
printf '%s\n' "${SUMMARY[@]}" | tee "$WORK/summary.txt"
exit $status
