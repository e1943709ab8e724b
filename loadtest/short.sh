#!/usr/bin/env bash
# Short load test of a running Kompeten (used by scripts/test, e2e-pg, through nginx):
#
#   loadtest/short.sh [BASE_URL [USER [PASSWORD]]]
#
#   BASE_URL   default $KOMPETEN_LOAD_URL, else http://127.0.0.1:8080
#   USER       default $KOMPETEN_LOAD_USER, else admin
#   PASSWORD   default $KOMPETEN_LOAD_PASSWORD (required)
#
# Gets an API token, picks one employee, then runs wrk against GET /healthz and against
# GET /api/v1/employees/{id}/gap (with the bearer token), one after the other, and prints a
# table (requests, requests/s, p50, p99, non-2xx, socket errors) and the ratio gap/healthz.
# Exit status 1 when any answer was not 2xx or any socket error (connect, read, write, timeout)
# happened, 2 on a setup problem; never on speed (figures on a shared 2-core CI machine vary).
#
# Knobs: KOMPETEN_LOAD_SECONDS (10, per endpoint), KOMPETEN_LOAD_THREADS (2),
#        KOMPETEN_LOAD_CONNECTIONS (32), KOMPETEN_LOAD_OUT (directory for wrk's raw output),
#        WRK (/usr/bin/wrk), PYTHON (python3).
set -euo pipefail
# shellcheck source=loadtest/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"

base="${1:-${KOMPETEN_LOAD_URL:-http://127.0.0.1:8080}}"
base="${base%/}"
user="${2:-${KOMPETEN_LOAD_USER:-admin}}"
password="${3:-${KOMPETEN_LOAD_PASSWORD:-}}"
seconds="${KOMPETEN_LOAD_SECONDS:-10}"
threads="${KOMPETEN_LOAD_THREADS:-2}"
connections="${KOMPETEN_LOAD_CONNECTIONS:-32}"
[ -n "$password" ] || lt_die "no password: pass it as the third argument or set KOMPETEN_LOAD_PASSWORD"
lt_require

out="${KOMPETEN_LOAD_OUT:-}"
cleanup_out=0
if [ -z "$out" ]; then out="$(mktemp -d)"; cleanup_out=1; fi
mkdir -p "$out"
trap '[ "$cleanup_out" -eq 0 ] || rm -rf "$out"' EXIT

token="$(lt_token "$base" "$user" "$password")" || lt_die "could not get a token from $base/api/v1/auth/token"
employee="$(lt_employee "$base" "$token")" || lt_die "could not list employees"
echo "short load test on $base: wrk -t$threads -c$connections -d${seconds}s per endpoint; employee $employee"

run() {   # run NAME PATH [wrk options...]
    local name="$1" path="$2"
    shift 2
    "$LT_WRK" -t"$threads" -c"$connections" -d"${seconds}s" --latency --timeout 10s \
        -s "$LT_DIR/status_count.lua" "$@" "$base$path" >"$out/wrk-$name.txt" 2>&1 \
        || { cat "$out/wrk-$name.txt" >&2; lt_die "wrk failed on $path"; }
}
run healthz /healthz
run gap "/api/v1/employees/$employee/gap" -H "Authorization: Bearer $token"

read -r h_req h_rps h_p50 h_p99 h_non h_sock < <(lt_parse "$out/wrk-healthz.txt")
read -r g_req g_rps g_p50 g_p99 g_non g_sock < <(lt_parse "$out/wrk-gap.txt")

printf '\n| %-36s | %9s | %10s | %9s | %9s | %7s | %13s |\n' "endpoint" "requests" "requests/s" "p50 ms" "p99 ms" "non-2xx" "socket errors"
printf '|%s|%s|%s|%s|%s|%s|%s|\n' "--------------------------------------" "----------:" "-----------:" "----------:" "----------:" "--------:" "--------------:"
printf '| %-36s | %9d | %10.1f | %9.2f | %9.2f | %7d | %13d |\n' "GET /healthz" "$h_req" "$h_rps" "$h_p50" "$h_p99" "$h_non" "$h_sock"
printf '| %-36s | %9d | %10.1f | %9.2f | %9.2f | %7d | %13d |\n' "GET /api/v1/employees/{id}/gap" "$g_req" "$g_rps" "$g_p50" "$g_p99" "$g_non" "$g_sock"
ratio="$(awk -v g="$g_rps" -v h="$h_rps" 'BEGIN { if (h > 0) printf "%.3f", g / h; else print "n/a" }')"
echo
echo "ratio gap/healthz (requests/s): $ratio"

failed=0
for name in healthz gap; do
    read -r req _ _ _ non sock < <(lt_parse "$out/wrk-$name.txt")
    if [ "$req" -eq 0 ]; then echo "FAIL: $name: no request completed" >&2; failed=1; fi
    if [ "$non" -ne 0 ]; then
        echo "FAIL: $name: $non answers were not 2xx" >&2
        failed=1
    fi
    if [ "$sock" -ne 0 ]; then
        echo "FAIL: $name: $sock socket errors ($(grep 'Socket errors' "$out/wrk-$name.txt" | sed 's/^ *//'))" >&2
        failed=1
    fi
done
if [ "$failed" -ne 0 ]; then
    echo "short load test: FAILED (raw wrk output in $out)" >&2
    cleanup_out=0
    exit 1
fi
echo "short load test: ok (no non-2xx answer, no socket error)"
