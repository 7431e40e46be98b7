#!/usr/bin/env bash
# Throughput of three endpoints of a Release build on 127.0.0.1, measured with wrk in one run:
# plaintext /healthz/live (baseline), the anonymous home page /, and the signed-in /account.
# Usage: bench/run.sh            Knobs: DURATION=10 CONNECTIONS=32 THREADS=2 WARMUP=3 KEEP_RESULTS=1
#                                       FORWARDED_PROTO=0 (plain http, see below)  GIT_REF=HEAD (build a commit)
set -euo pipefail

DURATION="${DURATION:-10}"
CONNECTIONS="${CONNECTIONS:-32}"
THREADS="${THREADS:-2}"
WARMUP="${WARMUP:-3}"
KEEP_RESULTS="${KEEP_RESULTS:-1}"
# FORWARDED_PROTO=1 (default): run as production does, behind a TLS-terminating reverse proxy on
# 127.0.0.1: the app trusts 127.0.0.1 (ReverseProxy:KnownProxies) and every request carries
# "X-Forwarded-Proto: https", so the app sees https requests (and __Host- cookies) without paying
# for TLS. FORWARDED_PROTO=0: plain http with Security:SecureCookies=false (unprefixed cookies).
FORWARDED_PROTO="${FORWARDED_PROTO:-1}"
# GIT_REF=<commit>: build that commit (exported with git archive) instead of the working tree, e.g.
# while other people's uncommitted edits in src/ don't build.
GIT_REF="${GIT_REF:-}"

EMAIL="bench@example.test"
PASSWORD="a quiet walk by the river"
COOKIE_NAME="__Host-kintsugi"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

die() { echo "bench: $*" >&2; exit 1; }
log() { echo "bench: $*" >&2; }

command -v wrk >/dev/null 2>&1 || die "wrk is not installed: apt-get install -y wrk"
for tool in curl python3 dotnet; do
    command -v "$tool" >/dev/null 2>&1 || die "$tool is not installed"
done

TMP="$(mktemp -d -t kintsugi-bench.XXXXXX)"
DATA="$TMP/data"
APP_PID=""
mkdir -p "$DATA"

cleanup() {
    local status=$?
    if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
        kill "$APP_PID" 2>/dev/null || true
        for _ in $(seq 1 50); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$APP_PID" 2>/dev/null || true
        wait "$APP_PID" 2>/dev/null || true
    fi
    if [[ $status -ne 0 && -s "$TMP/app.log" ]]; then
        echo "bench: last lines of the app's log:" >&2
        tail -n 40 "$TMP/app.log" >&2 || true
    fi
    rm -rf "$TMP"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

HDR=()
PROXY_ENV=()
if [[ "$FORWARDED_PROTO" == 1 ]]; then
    HDR=(-H "X-Forwarded-Proto: https")
    PROXY_ENV=(ReverseProxy__KnownProxies__0=127.0.0.1)
else
    PROXY_ENV=(Security__SecureCookies=false)
    COOKIE_NAME="kintsugi"
fi

# ---------------------------------------------------------------- build
SRC="$ROOT"
if [[ -n "$GIT_REF" ]]; then
    COMMIT="$(git -C "$ROOT" rev-parse --short "$GIT_REF^{commit}")" || die "no such commit: $GIT_REF"
    SRC="$TMP/src"
    mkdir -p "$SRC"
    git -C "$ROOT" archive "$COMMIT" | tar -x -C "$SRC"
else
    COMMIT="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
    if [[ -n "$(git -C "$ROOT" status --porcelain -- src 2>/dev/null)" ]]; then COMMIT="$COMMIT + uncommitted changes in src/"; fi
fi

log "publishing src/Kintsugi.Web (Release) from ${GIT_REF:-the working tree} ..."
(cd "$SRC" && dotnet publish src/Kintsugi.Web -c Release -o "$TMP/app" -nologo -v quiet) >"$TMP/publish.log" 2>&1 \
    || { cat "$TMP/publish.log" >&2; die "dotnet publish failed"; }

# ---------------------------------------------------------------- start the app
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
BASE="http://127.0.0.1:$PORT"

log "starting the app on $BASE (data in $DATA) ..."
# Run from the publish folder: the content root is the working directory, and appsettings.json is
# read from there. env(1): "Microsoft.Hosting.Lifetime" is not a valid shell variable name.
cd "$TMP/app"
env ASPNETCORE_ENVIRONMENT=Production \
    ASPNETCORE_URLS="$BASE" \
    Storage__DataDirectory="$DATA" \
    PublicUrl="$BASE" \
    RateLimits__AuthPermitLimit=1000 \
    Logging__LogLevel__Default=Warning \
    Logging__LogLevel__Microsoft.Hosting.Lifetime=Information \
    "${PROXY_ENV[@]}" \
    dotnet "$TMP/app/Kintsugi.Web.dll" >"$TMP/app.log" 2>&1 &
APP_PID=$!
cd "$ROOT"

ready=""
for _ in $(seq 1 120); do
    kill -0 "$APP_PID" 2>/dev/null || die "the app exited during start-up"
    if [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$BASE/healthz" || true)" == 200 ]]; then ready=1; break; fi
    sleep 0.5
done
[[ -n "$ready" ]] || die "GET /healthz did not answer 200 within 60 s"

# ---------------------------------------------------------------- sign in through the JSON API
# post PATH JSON -> writes headers to $TMP/h, body to $TMP/b, prints the status code
post() {
    curl -s -o "$TMP/b" -D "$TMP/h" -w '%{http_code}' --max-time 30 \
        "${HDR[@]}" -H 'Content-Type: application/json' -H 'Accept: application/json' --data-binary "$2" "$BASE$1"
}
expect() { # expect WANTED GOT WHAT
    [[ "$2" == "$1" ]] || { cat "$TMP/h" "$TMP/b" >&2 2>/dev/null; echo >&2; die "$3 answered $2, expected $1"; }
}

status="$(post /api/v1/account/register "{\"email\":\"$EMAIL\",\"password\":\"$PASSWORD\"}")"
expect 202 "$status" "POST /api/v1/account/register"

mail=""
for _ in $(seq 1 30); do
    mail="$(find "$DATA/mail" -name '*.eml' -type f 2>/dev/null | head -n 1 || true)"
    [[ -n "$mail" ]] && break
    sleep 0.5
done
[[ -n "$mail" ]] || die "no confirmation e-mail appeared in $DATA/mail within 15 s"

# user id and code from the link, decoding the message body (quoted-printable, base64, ...) properly
read -r USER_ID CODE < <(python3 - "$mail" <<'PY'
import email, email.policy, re, sys
from urllib.parse import urlsplit, parse_qs
with open(sys.argv[1], "rb") as f:
    msg = email.message_from_binary_file(f, policy=email.policy.default)
text = "\n".join(part.get_content() for part in msg.walk() if part.get_content_maintype() == "text")
m = re.search(r"https?://\S*/account/confirm-email\?\S+", text)
if not m:
    sys.exit("no confirm-email link in the message")
q = parse_qs(urlsplit(m.group(0).rstrip(".,;)>\"'")).query)
print(q["user"][0], q["code"][0])
PY
) || die "could not read the confirmation link from $mail"
[[ -n "${USER_ID:-}" && -n "${CODE:-}" ]] || die "could not read the confirmation link from $mail"

status="$(post /api/v1/account/confirm-email "{\"userId\":\"$USER_ID\",\"code\":\"$CODE\"}")"
expect 204 "$status" "POST /api/v1/account/confirm-email"

status="$(post /api/v1/account/sign-in "{\"email\":\"$EMAIL\",\"password\":\"$PASSWORD\",\"rememberMe\":true}")"
expect 200 "$status" "POST /api/v1/account/sign-in"

# Build the Cookie header from Set-Cookie ourselves (the same header then goes to wrk). The cookie is
# Secure; curl 7.88's cookie jar does send it to 127.0.0.1 over http, older curls may not. Takes
# __Host-kintsugi and its chunks __Host-kintsugiC1.. (when large), not -device/-af/-2fa/-ext.
COOKIE="$(python3 - "$TMP/h" "$COOKIE_NAME" <<'PY'
import re, sys
name = sys.argv[2]
pairs = []
for line in open(sys.argv[1], encoding="latin-1"):
    m = re.match(r"set-cookie:\s*([^=;\s]+)=([^;\r\n]*)", line, re.I)
    if m and (m.group(1) == name or re.fullmatch(re.escape(name) + r"C\d+", m.group(1))) and m.group(2):
        pairs.append(f"{m.group(1)}={m.group(2)}")
print("; ".join(pairs))
PY
)"
[[ -n "$COOKIE" ]] || { cat "$TMP/h" >&2; die "sign-in set no $COOKIE_NAME cookie"; }

# GET PATH as the signed-in user must be 200 (a 302 to /account/sign-in means the session is not accepted)
check_signed_in() {
    local got
    got="$(curl -s -o "$TMP/b" -D "$TMP/h" -w '%{http_code}' --max-time 10 "${HDR[@]}" -H "Cookie: $COOKIE" "$BASE/account")"
    if [[ "$got" != 200 ]]; then
        grep -i '^location:' "$TMP/h" >&2 || true
        grep -m1 -E 'System\.[A-Za-z.]*Exception' "$TMP/app.log" >&2 || true
        if [[ "$got" == 500 && "$FORWARDED_PROTO" != 1 ]] && grep -q 'not an SSL request' "$TMP/app.log"; then
            log "hint: the page needs https for its antiforgery token; FORWARDED_PROTO=1 runs the app as if behind a TLS proxy"
        fi
        die "GET /account with the session cookie answered $got ($1), expected 200"
    fi
    grep -q "$EMAIL" "$TMP/b" || log "note: /account answered 200 but its HTML does not mention $EMAIL ($1)"
}
check_signed_in "before the run"

# ---------------------------------------------------------------- measure
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
NAMES=("plaintext /healthz/live" "home page /" "signed-in /account")
PATHS=("/healthz/live" "/" "/account")
AUTH=("" "" "yes")

STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
RESULTS="$ROOT/bench/results/$STAMP"
OUT="$TMP/wrk"
mkdir -p "$OUT"

for i in "${!PATHS[@]}"; do
    args=("${HDR[@]}")
    [[ -n "${AUTH[$i]}" ]] && args+=(-H "Cookie: $COOKIE")
    url="$BASE${PATHS[$i]}"
    sz="$(curl -s -o /dev/null -w '%{http_code} %{size_download}' --max-time 10 "${args[@]}" "$url")"
    [[ "${sz%% *}" == 200 ]] || die "GET ${PATHS[$i]} answered ${sz%% *} before the run, expected 200"
    SIZES[$i]="${sz##* }"
    log "warming up ${NAMES[$i]} (${WARMUP}s) ..."
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" "${args[@]}" "$url" >"$OUT/$i.warmup.txt" 2>&1 \
        || { cat "$OUT/$i.warmup.txt" >&2; die "wrk warm-up failed for ${PATHS[$i]}"; }
    log "measuring ${NAMES[$i]} (${DURATION}s, -t$THREADS -c$CONNECTIONS) ..."
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "${args[@]}" "$url" >"$OUT/$i.txt" 2>&1 \
        || { cat "$OUT/$i.txt" >&2; die "wrk failed for ${PATHS[$i]}"; }
    if grep -q 'Non-2xx or 3xx responses' "$OUT/$i.txt"; then
        cat "$OUT/$i.txt" >&2
        die "${PATHS[$i]}: wrk saw non-2xx/3xx responses"
    fi
    if grep -q 'Socket errors' "$OUT/$i.txt"; then
        log "warning: ${PATHS[$i]}: $(grep 'Socket errors' "$OUT/$i.txt" | sed 's/^ *//')"
    fi
done

check_signed_in "after the run"
LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"

grep -E '^(fail|crit): ' "$TMP/app.log" >&2 && log "warning: the app logged errors during the run (see app.log)" || true

# ---------------------------------------------------------------- report
# wrk prints latencies as 620.00us / 3.80ms / 1.20s (and "m" for minutes); we print ms.
parse() { # parse FILE -> "req/s p50_ms p99_ms"
    awk '
        function ms(v) {
            if (v ~ /us$/) return substr(v, 1, length(v) - 2) / 1000
            if (v ~ /ms$/) return substr(v, 1, length(v) - 2) + 0
            if (v ~ /m$/)  return substr(v, 1, length(v) - 1) * 60000
            if (v ~ /s$/)  return substr(v, 1, length(v) - 1) * 1000
            return v + 0
        }
        /^Requests\/sec:/ { rps = $2 }
        /^ +50%/ { p50 = ms($2) }
        /^ +99%/ { p99 = ms($2) }
        END { if (rps == "" || p50 == "" || p99 == "") exit 1; printf "%s %s %s\n", rps, p50, p99 }
    ' "$1"
}

{
echo
echo "Kintsugi bench  commit $COMMIT  $(nproc) cores  wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s  (wrk and the server share the cores)"
echo "load average before: $LOAD_BEFORE  after: $LOAD_AFTER  (other work on the machine skews the results, p99 most)"
[[ "$FORWARDED_PROTO" == 1 ]] && echo "FORWARDED_PROTO=1: every request sent with X-Forwarded-Proto: https from a trusted proxy (no TLS)"
echo
printf '%-24s %-9s %-9s %-9s %-6s %s\n' "endpoint" "req/s" "p50 (ms)" "p99 (ms)" "ratio" "bytes"
base=""
for i in "${!PATHS[@]}"; do
    read -r rps p50 p99 < <(parse "$OUT/$i.txt") || die "could not parse wrk's output for ${PATHS[$i]}"
    [[ -n "$base" ]] || base="$rps"
    awk -v n="${NAMES[$i]}" -v r="$rps" -v a="$p50" -v b="$p99" -v base="$base" -v s="${SIZES[$i]}" \
        'BEGIN { printf "%-24s %-9.1f %-9.2f %-9.2f %-6.2f %s\n", n, r, a, b, r / base, s }'
done
echo
} | tee "$OUT/summary.txt"

if [[ "$KEEP_RESULTS" == 1 ]]; then
    mkdir -p "$RESULTS"
    cp "$OUT"/*.txt "$RESULTS/"
    cp "$TMP/app.log" "$RESULTS/app.log"
    echo "raw wrk output, app log and this table: bench/results/$STAMP/"
fi
exit 0
