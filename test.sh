#!/usr/bin/env bash
# Runs every Kintsugi test: unit tests, HTTP integration tests on SQLite and on a throwaway
# PostgreSQL cluster (the tests create it on a free port and remove it afterwards), and browser
# tests in Debian's Chromium. Prints a summary; exits non-zero if anything failed.
#   ./test.sh                    everything
#   ./test.sh --filter-class '*SignInTests'   extra arguments go to every test module
set -uo pipefail
cd "$(dirname "$0")"

results="${KINTSUGI_TEST_RESULTS:-$(mktemp -d -t kintsugi-tests-XXXXXX)}"
mkdir -p "$results"
rm -f "$results"/*.junit.xml
export KINTSUGI_TEST_REPORT="$results/report.txt"
: > "$KINTSUGI_TEST_REPORT"

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
compgen -G "/usr/lib/postgresql/*/bin/initdb" > /dev/null || [ -n "${KINTSUGI_TEST_POSTGRES:-}" ] || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  echo "test.sh: ${missing[*]} not found; the tests that need it will fail." >&2
  echo "          Install with: apt-get install -y --no-install-recommends ${missing[*]}" >&2
fi

started=$(date +%s)
dotnet build Kintsugi.slnx --nologo -v quiet -clp:ErrorsOnly || { echo "test.sh: the build failed" >&2; exit 1; }

status=0
for project in tests/Kintsugi.Tests tests/Kintsugi.BrowserTests; do
  name=$(basename "$project")
  dotnet test --project "$project" --no-build --no-progress --results-directory "$results" \
    --report-xunit-junit --report-xunit-junit-filename "$name.junit.xml" "$@" || status=1
done

# Summary, from the JUnit reports: what ran where, and what did not pass (failed, errored or skipped).
summary() {
  cat "$results"/*.junit.xml 2> /dev/null | awk -v RS='<testcase ' '
    NR > 1 {
      match($0, /classname="[^"]*"/); cls = substr($0, RSTART + 11, RLENGTH - 12)
      bad = ($0 ~ /<(failure|error|skipped)/)
      if (cls ~ /^Kintsugi\.Tests\.Unit\./) k = "unit"
      else if (cls ~ /^Kintsugi\.Tests\.[A-Za-z]+\.Postgres/) k = "postgres"
      else if (cls ~ /^Kintsugi\.Tests\./) k = "sqlite"
      else if (cls ~ /^Kintsugi\.BrowserTests\./) k = "browser"
      else k = "other"
      run[k]++; run["all"]++
      if (!bad) { passed[k]++; passed["all"]++ }
    }
    END {
      split("unit sqlite postgres browser all", order, " ")
      label["unit"] = "unit"; label["sqlite"] = "integration on SQLite"; label["postgres"] = "integration on PostgreSQL"
      label["browser"] = "browser (Chromium)"; label["all"] = "all"
      for (i = 1; i <= 5; i++) printf "  %-34s %5d run, %5d passed\n", label[order[i]], run[order[i]], passed[order[i]]
      printf "%d\n", run["all"] - passed["all"] > "/dev/stderr"
    }'
}

echo
echo "Kintsugi test summary ($(( $(date +%s) - started )) s; reports in $results)"
summary > "$results/summary.txt" 2> "$results/failed.txt"
cat "$results/summary.txt"
failed=$(cat "$results/failed.txt")
if [ -s "$KINTSUGI_TEST_REPORT" ]; then
  sed 's/^/  /' "$KINTSUGI_TEST_REPORT"
fi
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ]; then
  echo "  FAILED: $failed test(s) did not pass (details above)"
  exit 1
fi
echo "  all passed"
