#!/usr/bin/env bash
# Runs every test project one after another (they start real servers; on two cores running them side by side only
# makes each slower) and ends with one summary line: "N passed, N failed".
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
results="$root/.platform/test-results"
rm -rf "$results"; mkdir -p "$results"

passed=0; failed=0; skipped=0; status=0
for project in $(find tests -name '*.csproj' | sort); do
  name=$(basename "$project" .csproj)
  [ "$name" = TestInfrastructure ] && continue
  echo "==> test $name"
  dotnet test "$project" -c "${CONFIGURATION:-Debug}" --no-build --nologo "$@" \
    --logger "trx;LogFileName=$name.trx" --results-directory "$results" || status=1
  trx="$results/$name.trx"
  if [ -f "$trx" ]; then
    counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
    get() { grep -o " $1=\"[0-9]*\"" <<<"$counters" | grep -o '[0-9]*' || echo 0; }
    passed=$((passed + $(get passed))); failed=$((failed + $(get failed))); skipped=$((skipped + $(get notExecuted)))
  else
    echo "no test results for $name"; status=1
  fi
done
echo "tests: $passed passed, $failed failed, $skipped skipped"
exit $status
