# Shared by serve.sh and test.sh: installs what the build needs, skipping whatever is
# already there, so every script can be run again at no cost. Needs only crates.io,
# the npm registry, Debian apt and the rustup dist server: nothing is fetched from GitHub.
set -Eeuo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

WASM_PACK_VERSION=0.15.1
command -v cargo >/dev/null 2>&1 || export PATH="$HOME/.cargo/bin:$PATH"
export PATH="$ROOT/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export CARGO_TERM_COLOR=never DEBIAN_FRONTEND=noninteractive

T0=$SECONDS
TIMES=()
step() { # step "label" command args...
  local label=$1 start=$SECONDS
  shift
  echo
  echo "=== $label"
  "$@"
  TIMES+=("$(printf '%-40s %5ds' "$label" $((SECONDS - start)))")
}
print_times() {
  echo
  echo "=== step timings"
  printf '%s\n' "${TIMES[@]}"
  printf '%-40s %5ds\n' "total" $((SECONDS - T0))
}

have_version() { # have_version BIN VERSION  (`BIN --version` prints "name X.Y.Z")
  command -v "$1" >/dev/null 2>&1 && [ "$("$1" --version 2>/dev/null | awk '{print $2; exit}')" = "$2" ]
}

install_rust_target() {
  rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
}

install_wasm_pack() {
  have_version wasm-pack "$WASM_PACK_VERSION" || cargo install wasm-pack --version "$WASM_PACK_VERSION" --locked --force
}

install_wasm_bindgen_cli() {
  # The CLI must be exactly the wasm-bindgen version in Cargo.lock (pinned with = in Cargo.toml).
  local v
  v=$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock)
  if ! have_version wasm-bindgen "$v"; then
    # --locked can fail on this registry (a pinned dependency it does not serve): then resolve afresh.
    cargo install wasm-bindgen-cli --version "$v" --no-default-features --locked --force \
      || cargo install wasm-bindgen-cli --version "$v" --no-default-features --force
  fi
}

install_npm() {
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    npm ci --no-audit --no-fund
  fi
  # wasm-pack runs the first wasm-opt on PATH: it must be npm's binaryen, not Debian's 108.
  local wo
  wo=$(wasm-opt --version | awk '{print $3}')
  [ "${wo%%[^0-9]*}" -ge 116 ] || { echo "wasm-opt $wo is too old (need npm binaryen ≥ 116)" >&2; return 1; }
}

# Chromium for the page tests, and a CJK font so screenshots of the Chinese UI show characters.
APT_PACKAGES=(chromium fonts-wqy-zenhei)
install_chromium() {
  local missing=() p
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  if ((${#missing[@]})); then
    { apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >/tmp/apt-chromium.log 2>&1 \
      || { tail -30 /tmp/apt-chromium.log; return 1; }
  fi
}

install_build_tools() {
  step "rustup target wasm32-unknown-unknown" install_rust_target
  step "cargo install wasm-pack" install_wasm_pack
  step "cargo install wasm-bindgen-cli" install_wasm_bindgen_cli
  step "npm ci" install_npm
}

build_wasm_web() { wasm-pack build --mode no-install --release --target web --out-dir www/pkg -- --locked; }
build_wasm_node() { wasm-pack build --mode no-install --release --target nodejs --out-dir pkg-node -- --locked; }
bundle_page() { npm run --silent bundle; }
# The npm package `incentive-engine` from the two builds above (they share one .wasm): the web
# and nodejs glue, types, schemas, the playground element bundled for the package, README,
# LICENSE; assembled in dist/npm/ and packed into dist/incentive-engine-<version>.tgz.
build_package() { node scripts/package.mjs; }

build_all() {
  step "wasm-pack build --target web" build_wasm_web
  step "wasm-pack build --target nodejs" build_wasm_node
  step "bundle the playground (esbuild)" bundle_page
  step "npm package (dist/npm, npm pack)" build_package
}
