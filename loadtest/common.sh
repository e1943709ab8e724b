# Shared helpers of loadtest/short.sh and loadtest/soak.sh (sourced, not run).
# shellcheck shell=bash

LT_WRK="${WRK:-/usr/bin/wrk}"
LT_PY="${PYTHON:-python3}"
# shellcheck disable=SC2034  # used by the scripts that source this file
LT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"

lt_die() { echo "loadtest: $*" >&2; exit 2; }

lt_require() {
    [ -x "$LT_WRK" ] || lt_die "wrk not found at $LT_WRK (apt-get install wrk, or set WRK=)"
    command -v curl >/dev/null 2>&1 || lt_die "curl is needed"
    "$LT_PY" -c 'import json' 2>/dev/null || lt_die "python3 is needed (or set PYTHON=)"
}

# lt_token BASE USER PASSWORD -> prints a bearer token
lt_token() {
    local body
    body="$("$LT_PY" -c 'import json, sys; print(json.dumps({"username": sys.argv[1], "password": sys.argv[2]}))' "$2" "$3")"
    curl -fsS --max-time 30 -X POST -H 'Content-Type: application/json' --data-binary "$body" "$1/api/v1/auth/token" \
        | "$LT_PY" -c 'import json, sys; print(json.load(sys.stdin)["token"])'
}

# lt_get BASE TOKEN PATH -> prints the JSON body (fails on a non-2xx)
lt_get() {
    curl -fsS --max-time 30 -H "Authorization: Bearer $2" "$1$3"
}

# lt_employee BASE TOKEN -> the id of an employee with a position (their gap has items), else the first
lt_employee() {
    lt_get "$1" "$2" "/api/v1/employees?page=1&per=50" | "$LT_PY" -c '
import json, sys
items = json.load(sys.stdin)["items"]
if not items:
    sys.exit("no employees")
print(next((e["id"] for e in items if e.get("positionId")), items[0]["id"]))'
}

# lt_survey_path BASE TOKEN -> the public survey page of the first service, e.g. /s/dukcapil-ktp
lt_survey_path() {
    lt_get "$1" "$2" "/api/v1/services?page=1&per=1" | "$LT_PY" -c '
import json, sys
items = json.load(sys.stdin)["items"]
if not items:
    sys.exit("no services")
print(items[0]["surveyPath"])'
}

# lt_parse FILE -> "requests rps p50_ms p99_ms non2xx socket_errors" from wrk's --latency output
# (non2xx: the lua status counter's "other" when present, else wrk's "Non-2xx or 3xx responses").
lt_parse() {
    awk '
    function ms(v,   n) {
        n = v + 0
        if (v ~ /us$/) return n / 1000
        if (v ~ /ms$/) return n
        if (v ~ /m$/)  return n * 60000
        if (v ~ /s$/)  return n * 1000
        return n
    }
    /requests in/                 { req = $1 }
    /^Requests\/sec:/             { rps = $2 }
    /^ +50%/                      { p50 = ms($2) }
    /^ +99%/                      { p99 = ms($2) }
    /Socket errors:/              { s = $0; gsub(/[^0-9 ]/, " ", s); split(s, a, " "); for (i in a) sock += a[i] }
    /Non-2xx or 3xx responses:/   { wrk_non = $NF }
    /^status 2xx=/                { split($3, b, "="); lua_non = b[2]; have_lua = 1 }
    END {
        non = have_lua ? lua_non : wrk_non
        if (non == "" && wrk_non != "") non = wrk_non
        printf "%d %.1f %.2f %.2f %d %d\n", req, rps, p50, p99, (non == "" ? 0 : non), sock
    }' "$1"
}

# lt_rss PID -> VmRSS in MiB (or "-" when the process is gone)
lt_rss() {
    local kb
    kb="$(awk '/^VmRSS:/ { print $2 }' "/proc/$1/status" 2>/dev/null || true)"
    if [ -n "$kb" ]; then awk -v k="$kb" 'BEGIN { printf "%.1f", k / 1024 }'; else echo "-"; fi
}

# lt_pid_on_port PORT -> the pid listening on 127.0.0.1:PORT (via ss), or nothing
lt_pid_on_port() {
    ss -Hltnp "sport = :$1" 2>/dev/null | sed -n 's/.*pid=\([0-9][0-9]*\).*/\1/p' | head -n 1
}
