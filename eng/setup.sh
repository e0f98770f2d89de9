#!/usr/bin/env bash
# Idempotent machine and repo setup. Each step checks whether it is already done and skips in well under a second.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
tools="$root/.platform/tools"
started=$(date +%s)

step() { printf '==> %s\n' "$*"; }

apt_packages=(postgresql redis-server librdkafka1 librdkafka-dev prometheus rsyslog rsyslog-elasticsearch)
missing=()
for p in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
# node and npm may come from elsewhere than apt; only ask for them when absent.
command -v npm >/dev/null || missing+=(nodejs npm)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    step "apt: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "setup: these Debian packages are missing: ${missing[*]}" >&2
    echo "setup: install them as root:  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
    echo "setup: then run this command again." >&2
    exit 1
  fi
fi

# npm tools: Azurite (blob storage emulator) and DuckDB's native library, pinned in eng/tools/package.json.
if ! cmp -s eng/tools/package.json "$tools/package.json" || [ ! -d "$tools/node_modules/azurite" ]; then
  step "npm: installing tools into .platform/tools"
  mkdir -p "$tools"
  cp eng/tools/package.json "$tools/package.json"
  (cd "$tools" && npm install --no-audit --no-fund --loglevel=error >/dev/null)
fi
if [ ! -f "$tools/native/libduckdb.so" ]; then
  step "duckdb: extracting libduckdb.so"
  mkdir -p "$tools/native"
  cp "$tools/node_modules/@duckdb/node-bindings-linux-x64/libduckdb.so" "$tools/native/libduckdb.so"
fi

# librdkafka.redist stand-in around Debian's librdkafka1, packed into the local NuGet feed.
if [ ! -f eng/localfeed/librdkafka.redist.1.9.2.nupkg ]; then
  step "nuget: packing librdkafka.redist stand-in into eng/localfeed"
  cp /usr/lib/x86_64-linux-gnu/librdkafka.so.1 eng/librdkafka-redist/librdkafka.so
  dotnet pack eng/librdkafka-redist/librdkafka.redist.csproj -o eng/localfeed -nologo -v:q >/dev/null
  # A stale copy restored from elsewhere must not shadow ours.
  rm -rf "${NUGET_PACKAGES:-$HOME/.nuget/packages}/librdkafka.redist/1.9.2"
fi

echo "setup: done in $(( $(date +%s) - started ))s"
