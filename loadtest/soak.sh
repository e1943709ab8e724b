#!/usr/bin/env bash
# Soak test of a running Kompeten, by hand (not part of scripts/test):
#
#   loadtest/soak.sh [--minutes N] [--pid PID]... [--port PORT]... [BASE_URL [USER [PASSWORD]]]
#
#   e.g. with the e2e cluster of scripts/test or two instances behind nginx:
#   loadtest/soak.sh --port 8080 --port 8081 https://kompeten.example admin "$PASSWORD"
#
# Mixed load for N minutes (default 10) through BASE_URL with wrk and loadtest/mixed.lua: the gap
# of one employee (API), pages of the employee list (API), the public survey page of a service.
# The resident memory (VmRSS from /proc/PID/status) of every app instance is sampled before, every
# minute, and after, and printed as a table; the instances are given by --pid, or found by the
# port they listen on (--port, run as the same user or root so that ss shows the owner).
# Exit status 1 on any non-2xx answer, socket error, or an instance that died; 2 on a setup
# problem. Memory growth is printed, not judged.
#
# Defaults: BASE_URL $KOMPETEN_LOAD_URL or http://127.0.0.1:8080, USER $KOMPETEN_LOAD_USER or
# admin, PASSWORD $KOMPETEN_LOAD_PASSWORD. Knobs: KOMPETEN_SOAK_MINUTES (10),
# KOMPETEN_LOAD_THREADS (2), KOMPETEN_LOAD_CONNECTIONS (16), KOMPETEN_LOAD_OUT, WRK, PYTHON.
set -euo pipefail
# shellcheck source=loadtest/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"

minutes="${KOMPETEN_SOAK_MINUTES:-10}"
pids=()
ports=()
positional=()
while [ $# -gt 0 ]; do
    case "$1" in
        --minutes) minutes="$2"; shift 2 ;;
        --pid) pids+=("$2"); shift 2 ;;
        --port) ports+=("$2"); shift 2 ;;
        -h|--help) sed -n '2,22p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) positional+=("$1"); shift ;;
    esac
done
base="${positional[0]:-${KOMPETEN_LOAD_URL:-http://127.0.0.1:8080}}"
base="${base%/}"
user="${positional[1]:-${KOMPETEN_LOAD_USER:-admin}}"
password="${positional[2]:-${KOMPETEN_LOAD_PASSWORD:-}}"
threads="${KOMPETEN_LOAD_THREADS:-2}"
connections="${KOMPETEN_LOAD_CONNECTIONS:-16}"
[ -n "$password" ] || lt_die "no password: pass it as the third argument or set KOMPETEN_LOAD_PASSWORD"
if ! [[ "$minutes" =~ ^[1-9][0-9]*$ ]]; then lt_die "--minutes must be a whole number >= 1"; fi
lt_require

for port in "${ports[@]}"; do
    pid="$(lt_pid_on_port "$port")"
    [ -n "$pid" ] || lt_die "no process found listening on port $port"
    pids+=("$pid")
done
if [ "${#pids[@]}" -eq 0 ]; then
    port="$(sed -E -n 's#^https?://[^/:]+:([0-9]+).*#\1#p' <<<"$base")"
    pid=""
    if [ -n "$port" ]; then pid="$(lt_pid_on_port "$port")"; fi
    [ -n "$pid" ] || lt_die "give the app instances with --pid PID or --port PORT"
    echo "no --pid/--port: sampling the process on port $port (pid $pid)"
    pids+=("$pid")
fi
for pid in "${pids[@]}"; do
    [ -r "/proc/$pid/status" ] || lt_die "no process $pid"
done

out="${KOMPETEN_LOAD_OUT:-$(mktemp -d)}"
mkdir -p "$out"
token="$(lt_token "$base" "$user" "$password")" || lt_die "could not get a token from $base/api/v1/auth/token"
employee="$(lt_employee "$base" "$token")" || lt_die "could not list employees"
survey="$(lt_survey_path "$base" "$token")" || lt_die "could not list services"
echo "soak on $base for $minutes min: wrk -t$threads -c$connections, gap of $employee, employee list, $survey"
echo "instances: ${pids[*]}; raw output in $out"

header="$(printf '| %-8s |' "minute"; for pid in "${pids[@]}"; do printf ' %14s |' "pid $pid MiB"; done)"
rows=()
sample() {   # sample LABEL
    local row pid
    row="$(printf '| %-8s |' "$1"; for pid in "${pids[@]}"; do printf ' %14s |' "$(lt_rss "$pid")"; done)"
    rows+=("$row")
    echo "$row"
}
echo "$header"
sample before
declare -A first
for pid in "${pids[@]}"; do first[$pid]="$(lt_rss "$pid")"; done

"$LT_WRK" -t"$threads" -c"$connections" -d"$((minutes * 60))s" --latency --timeout 10s \
    -s "$LT_DIR/mixed.lua" "$base" -- "$token" "$employee" "$survey" >"$out/wrk-soak.txt" 2>&1 &
wrk_pid=$!
trap 'kill "$wrk_pid" 2>/dev/null || true' EXIT
start=$SECONDS
minute=1
while kill -0 "$wrk_pid" 2>/dev/null; do
    sleep 1
    if [ $((SECONDS - start)) -ge $((minute * 60)) ] && [ "$minute" -lt "$minutes" ]; then
        sample "$minute"
        minute=$((minute + 1))
    fi
done
wrk_rc=0
wait "$wrk_pid" || wrk_rc=$?
trap - EXIT
sample after

echo
echo "$header"
for r in "${rows[@]}"; do echo "$r"; done
failed=0
for pid in "${pids[@]}"; do
    now="$(lt_rss "$pid")"
    if [ "$now" = "-" ]; then
        echo "FAIL: instance $pid is gone" >&2
        failed=1
    else
        echo "pid $pid: RSS ${first[$pid]} -> $now MiB ($(awk -v a="${first[$pid]}" -v b="$now" 'BEGIN { printf "%+.1f", b - a }') MiB)"
    fi
done

read -r req rps p50 p99 non sock < <(lt_parse "$out/wrk-soak.txt")
echo
printf '| %-10s | %10s | %9s | %9s | %7s | %13s |\n' "requests" "requests/s" "p50 ms" "p99 ms" "non-2xx" "socket errors"
printf '| %10d | %10.1f | %9.2f | %9.2f | %7d | %13d |\n' "$req" "$rps" "$p50" "$p99" "$non" "$sock"
grep -E '^other statuses' "$out/wrk-soak.txt" || true
if [ "$wrk_rc" -ne 0 ]; then echo "FAIL: wrk exited with $wrk_rc" >&2; cat "$out/wrk-soak.txt" >&2; failed=1; fi
if [ "$req" -eq 0 ]; then echo "FAIL: no request completed" >&2; failed=1; fi
if [ "$non" -ne 0 ]; then echo "FAIL: $non answers were not 2xx" >&2; failed=1; fi
if [ "$sock" -ne 0 ]; then echo "FAIL: $sock socket errors ($(grep 'Socket errors' "$out/wrk-soak.txt" | sed 's/^ *//'))" >&2; failed=1; fi
if [ "$failed" -ne 0 ]; then echo "soak: FAILED" >&2; exit 1; fi
echo "soak: ok"
