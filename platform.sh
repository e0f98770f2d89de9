#!/usr/bin/env bash
# The two commands of the README: `./platform.sh run` and `./platform.sh test`.
# Both run the idempotent setup (eng/setup.sh) first, then build, then run or test.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

build() {
  echo "==> build"
  dotnet build Platform.sln -c "${CONFIGURATION:-Debug}" -nologo -v:q -clp:ErrorsOnly
}

case "${1:-}" in
  setup)
    eng/setup.sh ;;
  run)
    eng/setup.sh
    build
    shift
    exec dotnet run --project src/AppHost -c "${CONFIGURATION:-Debug}" --no-build -- "$@" ;;
  test)
    eng/setup.sh
    build
    shift
    exec eng/test.sh "$@" ;;
  *)
    echo "usage: ./platform.sh run|test|setup" >&2
    echo "  run    set up, build and start the whole platform (src/AppHost); Ctrl+C stops it" >&2
    echo "  test   set up, build and run every test against real local infrastructure" >&2
    echo "  setup  only install what the platform needs (idempotent)" >&2
    exit 2 ;;
esac
