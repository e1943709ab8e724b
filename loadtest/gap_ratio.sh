#!/usr/bin/env bash
# Issue 20, target 1: one employee's gap API against /healthz, measured in the same run with the
# same wrk settings, one right after the other, ROUNDS times; prints each round's ratio and the
# median (the machine is shared: compare ratios, not absolute rates).
#
#   loadtest/gap_ratio.sh BASE_URL USER PASSWORD [ROUNDS]
#
# Knobs as loadtest/short.sh: KOMPETEN_LOAD_SECONDS (10), KOMPETEN_LOAD_THREADS (2),
# KOMPETEN_LOAD_CONNECTIONS (32). Exit 1 when any answer was not 2xx.
set -euo pipefail
# shellcheck source=loadtest/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"

base="${1:?BASE_URL}"
base="${base%/}"
user="${2:?USER}" password="${3:?PASSWORD}" rounds="${4:-3}"
seconds="${KOMPETEN_LOAD_SECONDS:-10}"
threads="${KOMPETEN_LOAD_THREADS:-2}"
connections="${KOMPETEN_LOAD_CONNECTIONS:-32}"
lt_require
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

token="$(lt_token "$base" "$user" "$password")" || lt_die "no token from $base"
employee="$(lt_employee "$base" "$token")" || lt_die "could not list employees"

run() { # run FILE PATH [wrk options...]
    local file="$1" path="$2"
    shift 2
    "$LT_WRK" -t"$threads" -c"$connections" -d"${seconds}s" --latency --timeout 10s \
        -s "$LT_DIR/status_count.lua" "$@" "$base$path" >"$file" 2>&1 || lt_die "wrk failed on $path"
}

echo "wrk -t$threads -c$connections -d${seconds}s per endpoint; employee $employee"
echo "| round | /healthz req/s | gap req/s | gap p50 / p99 ms | ratio |"
echo "|---:|---:|---:|---:|---:|"
ratios=()
failed=0
for ((i = 1; i <= rounds; i++)); do
    run "$out/h.txt" /healthz
    run "$out/g.txt" "/api/v1/employees/$employee/gap" -H "Authorization: Bearer $token"
    read -r _ h_rps _ _ h_non _ < <(lt_parse "$out/h.txt")
    read -r _ g_rps g_p50 g_p99 g_non _ < <(lt_parse "$out/g.txt")
    ratio="$(awk -v g="$g_rps" -v h="$h_rps" 'BEGIN { printf "%.3f", (h > 0 ? g / h : 0) }')"
    ratios+=("$ratio")
    printf '| %d | %.0f | %.0f | %.1f / %.1f | %s |\n' "$i" "$h_rps" "$g_rps" "$g_p50" "$g_p99" "$ratio"
    if [ "$h_non" -ne 0 ] || [ "$g_non" -ne 0 ]; then failed=1; fi
done
median="$(printf '%s\n' "${ratios[@]}" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }')"
echo
echo "median ratio gap/healthz over $rounds rounds: $median"
[ "$failed" -eq 0 ] || { echo "FAIL: answers that were not 2xx" >&2; exit 1; }
