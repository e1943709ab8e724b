#!/usr/bin/env bash
# Latency of the "Identify" reads on a running Kompeten (one connection, keep-alive, so the
# figures are server time): loadtest/identify_wrk.sh http://127.0.0.1:8095 admin PASSWORD
set -euo pipefail
base="$1" user="$2" password="$3"
py="${PYTHON:-python3}"
eval "$("$py" - "$base" "$user" "$password" <<'PY'
import http.cookiejar, json, re, sys, urllib.parse, urllib.request
base, user, password = sys.argv[1:4]
jar = http.cookiejar.CookieJar(); web = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
page = web.open(base + "/login").read().decode()
csrf = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
web.open(base + "/login", data=urllib.parse.urlencode({"_csrf": csrf, "username": user, "password": password}).encode()).read()
def api(path, token=None, body=None):
    req = urllib.request.Request(base + path, data=body, headers={"Content-Type": "application/json", **({"Authorization": "Bearer " + token} if token else {})})
    return json.loads(urllib.request.urlopen(req).read())
token = api("/api/v1/auth/token", body=json.dumps({"username": user, "password": password}).encode())["token"]
emp = next(p["id"] for p in api("/api/v1/employees?per=100", token)["items"] if p.get("positionId"))
units = api("/api/v1/units?per=500", token)["items"]
opd = max((u for u in units if u.get("parentId") is None), key=lambda u: u["name"].startswith("Dinas Pendidikan"))["id"]
print(f"COOKIE='{'; '.join(f'{c.name}={c.value}' for c in jar)}' TOKEN='{token}' EMP='{emp}' OPD='{opd}'")
PY
)"
measure() { # measure LABEL HEADER URL
    local out; out="$(wrk -t1 -c1 -d8s --latency -H "$2" "$base$3")"
    printf '| %s | %s | %s | %s |\n' "$1" "$(awk '/ 50%/{print $2}' <<<"$out")" "$(awk '/ 90%/{print $2}' <<<"$out")" "$(awk '/Requests\/sec/{print $2}' <<<"$out")"
}
echo "| Ukuran | p50 | p90 | permintaan/detik |"
echo "|---|---:|---:|---:|"
measure "/healthz (acuan)" "X-Bench: 1" "/healthz"
measure "Peta kesenjangan seluruh kota (HTML)" "Cookie: $COOKIE" "/reports/heat-map"
measure "Sebaran JPM seluruh kota (HTML)" "Cookie: $COOKIE" "/reports/jpm"
measure "Ringkasan kesenjangan Dinas Pendidikan (API)" "Authorization: Bearer $TOKEN" "/api/v1/units/$OPD/gap-summary"
measure "Kesenjangan satu pegawai (API)" "Authorization: Bearer $TOKEN" "/api/v1/employees/$EMP/gap"
