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

# Summary, from the JUnit reports: what ran where, and what failed.
count() { # count <pattern on the testcase element> <only passed: yes/no>
  local files=("$results"/*.junit.xml)
  [ -e "${files[0]}" ] || { echo 0; return; }
  if [ "$2" = yes ]; then
    grep -ohE '<testcase [^>]*>' "${files[@]}" | grep -E "$1" | grep -c '/>$'
  else
    grep -ohE '<testcase [^>]*>' "${files[@]}" | grep -cE "$1"
  fi
}
line() { printf '  %-34s %5s run, %5s passed\n' "$1" "$(count "$2" no)" "$(count "$2" yes)"; }

echo
echo "Kintsugi test summary ($(( $(date +%s) - started )) s; reports in $results)"
line "unit"                               'classname="Kintsugi\.Tests\.Unit\.'
line "integration on SQLite"              'classname="Kintsugi\.Tests\.(Integration|Security)\.(Sqlite|[A-Z][A-Za-z]*Tests")' 
line "integration on PostgreSQL"          'classname="Kintsugi\.Tests\.(Integration|Security)\.Postgres'
line "browser (Chromium)"                 'classname="Kintsugi\.BrowserTests\.'
line "all"                                '<testcase '
if [ -s "$KINTSUGI_TEST_REPORT" ]; then
  sed 's/^/  /' "$KINTSUGI_TEST_REPORT"
fi
failed=$(( $(count '<testcase ' no) - $(count '<testcase ' yes) ))
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ]; then
  echo "  FAILED: $failed test(s) did not pass (details above)"
  exit 1
fi
echo "  all passed"
