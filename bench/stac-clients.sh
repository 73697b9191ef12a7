#!/usr/bin/env bash
# Clients others wrote, against `alos2-ingest serve`:
#  - STAC Browser (npm @radiantearth/stac-browser, built here once, cached in target/stac-browser/),
#    served statically on another origin (so CORS is exercised) and opened in headless Chromium on
#    the catalog, a collection and an item: each page must show what it is about and no error;
#    screenshots and DOMs go to target/bench-artifacts/stac-clients/;
#  - GDAL (Debian's gdal-bin): ogrinfo on /search (GeoJSON) and through the OGC API Features driver
#    (OAPIF), and the STACIT driver on /search results.
# Ingests the demo's four products into a temporary home first. Prints PASS/FAIL/KNOWN lines and
# exits non-zero on any FAIL; stops everything it started.
#
#   bench/stac-clients.sh
#   STAC_BROWSER_VERSION=4.0.1 CHROMIUM=/usr/bin/chromium bench/stac-clients.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
version="${STAC_BROWSER_VERSION:-4.0.1}"
chromium="${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}"
art="$root/target/bench-artifacts/stac-clients"
out="$root/bench/out"
mkdir -p "$art" "$out"

mvn -B -ntp -q test-compile
mvn -B -ntp -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$out/classpath.txt" >/dev/null
cp="$root/target/classes:$root/target/test-classes:$(cat "$out/classpath.txt")"
ingest() { java -cp "$cp" org.alos2ingest.cli.Main "$@"; }

work="$(mktemp -d /tmp/alos2-ingest-stac-clients-XXXXXX)"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null && wait "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
failures=0
pass() { echo "PASS $1"; }
fail() { echo "FAIL $1"; failures=$((failures + 1)); }
check() { if [[ $2 == yes ]]; then pass "$1"; else fail "$1${3:+: $3}"; fi; }

# waits for a line of a log matching a sed expression, prints what it captured
wait_for() {
  local log="$1" expr="$2" pid="$3"
  for _ in $(seq 1 600); do
    local v
    v="$(sed -n "$expr" "$log" | head -1)"
    if [[ -n "$v" ]]; then echo "$v"; return; fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.2
  done
  cat "$log" >&2
  return 1
}

# ---- STAC Browser, built once per version --------------------------------------------------------
sb="$root/target/stac-browser/$version"
if [[ ! -f "$sb/dist/index.html" ]]; then
  echo "building STAC Browser $version (npm pack, npm install, vue-cli-service build; several minutes)..."
  rm -rf "$sb" && mkdir -p "$sb"
  (cd "$sb" && npm pack --silent "@radiantearth/stac-browser@$version" >/dev/null && tar xzf radiantearth-stac-browser-*.tgz)
  # options at run time (dist/config.js, written below with this run's URL) instead of baked in
  sed -i 's#<!-- <script defer="defer" src="/config.js"></script> -->#<script defer="defer" src="./config.js"></script>#' "$sb/package/public/index.html"
  # the tarball has no lockfile: ol-stac 1.5+ (released after 4.0.1) needs OpenLayers 10.7 where
  # STAC Browser pins ~10.6, and the build fails; pin the ol-stac of STAC Browser's release time
  (cd "$sb/package" && npm pkg set "dependencies.ol-stac=${OL_STAC_VERSION:-1.4.0}")
  (cd "$sb/package" && npm install --no-audit --no-fund --silent >"$sb/npm-install.log" 2>&1 \
    && SB_historyMode=hash npx vue-cli-service build --noSourceMaps >"$sb/build.log" 2>&1) \
    || { tail -30 "$sb/npm-install.log" "$sb/build.log" 2>/dev/null; echo "FAIL stac-browser-build"; exit 1; }
  mv "$sb/package/dist" "$sb/dist"
fi

# ---- a catalog, the static server for STAC Browser, serve ----------------------------------------
echo "ingesting the demo products..."
ingest demo --home "$work/home" >"$work/demo.log" 2>&1 || { cat "$work/demo.log"; echo "FAIL demo"; exit 1; }
cp -r "$sb/dist" "$work/browser"
python3 -m http.server --bind 127.0.0.1 0 --directory "$work/browser" >"$work/static.log" 2>&1 &
pids+=($!)
static_port="$(wait_for "$work/static.log" 's/.*port \([0-9]*\).*/\1/p' "${pids[-1]}")"
static="http://127.0.0.1:$static_port"
# java itself in the background (not through the function, whose subshell would be the pid killed)
java -cp "$cp" org.alos2ingest.cli.Main serve --home "$work/home" --port 0 --cors "$static" >"$work/serve.log" 2>&1 &
pids+=($!)
api="$(wait_for "$work/serve.log" 's/^serving STAC API at \(http[^ ]*\) over.*/\1/p' "${pids[-1]}")"
api="${api%/}"
echo "serve at $api, STAC Browser at $static"
printf 'window.STAC_BROWSER_CONFIG = {catalogUrl: "%s/", historyMode: "hash", detectLocaleFromBrowser: false};\n' "$api" >"$work/browser/config.js"

collection=L1.5_geotiff
curl -fsS "$api/search?collections=$collection&bbox=-71,-28,-69,-26" >"$work/search.json"
item="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["features"][0]["id"])' "$work/search.json")"
title() { curl -fsS "$api$1" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d.get("title") or d["id"])'; }

# ---- STAC Browser in headless Chromium ---------------------------------------------------------
browse() { # name, route, text the page must show
  local name="$1" url="$static/#$2" expect="$3"
  local flags=(--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run --hide-scrollbars
    --user-data-dir="$work/chromium" --window-size=1280,1000 --virtual-time-budget=30000)
  timeout 120 "$chromium" "${flags[@]}" --dump-dom "$url" >"$art/$name.html" 2>"$work/chromium-$name.log" || true
  timeout 120 "$chromium" "${flags[@]}" --screenshot="$art/$name.png" "$url" >/dev/null 2>>"$work/chromium-$name.log" || true
  local shows=no clean=yes
  grep -qF "$expect" "$art/$name.html" && shows=yes
  grep -q 'alert-danger' "$art/$name.html" && clean=no
  if [[ $shows == yes && $clean == yes && -s "$art/$name.png" ]]; then
    pass "stac-browser-$name: shows \"$expect\", no error ($art/$name.png)"
  else
    fail "stac-browser-$name: shows \"$expect\" $shows, no error banner $clean ($art/$name.html)"
  fi
}
if [[ -z "$chromium" ]]; then
  fail "stac-browser: no chromium (apt-get install chromium)"
else
  browse catalog "/" "$(title /)"
  browse collection "/collections/$collection" "$(title "/collections/$collection")"
  browse item "/collections/$collection/items/$item" "$item"
fi

# ---- GDAL --------------------------------------------------------------------------------------
echo "$(gdalinfo --version)"
n="$(ogrinfo -ro -al -so "$api/search?collections=$collection&limit=100" 2>&1 | sed -n 's/^Feature Count: //p')"
expected="$(curl -fsS "$api/search?collections=$collection&limit=100" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["features"]))')"
check "ogr-geojson-search: ogrinfo reads /search as GeoJSON, $n features (expected $expected)" "$([[ -n $n && $n == "$expected" ]] && echo yes)"
layers="$(ogrinfo -ro OAPIF:"$api/" 2>&1 | grep -c '^[0-9]*: ' || true)"
ncoll="$(curl -fsS "$api/collections" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["collections"]))')"
check "ogr-oapif-layers: the OAPIF driver lists $layers layers (expected $ncoll collections)" "$([[ $layers == "$ncoll" ]] && echo yes)"
n="$(ogrinfo -ro -so OAPIF:"$api/" "$collection" 2>&1 | sed -n 's/^Feature Count: //p')"
check "ogr-oapif-items: the OAPIF driver reads $n items of $collection (expected $expected)" "$([[ $n == "$expected" ]] && echo yes)"

direct="$(gdalinfo "STACIT:\"$api/search?collections=$collection&bbox=-71,-28,-69,-26\"" 2>&1 || true)"
if grep -q '^Size is' <<<"$direct"; then
  pass "gdal-stacit-search: STACIT opens /search directly: $(grep '^Size is' <<<"$direct")"
elif gdalinfo --version | grep -qE '^GDAL 3\.([0-6]\.|7\.[01],)'; then
  # GDAL before 3.7.2 skips every asset of an item without a proj:epsg member (OSGeo/gdal#8137, fixed
  # by #8145); projection v2.0.0 replaced proj:epsg with proj:code, so our items have none.
  echo "KNOWN gdal-stacit-search: $(gdalinfo --version | cut -d, -f1) STACIT needs a proj:epsg member (null is enough): $(head -1 <<<"$direct")"
else
  fail "gdal-stacit-search: $(head -1 <<<"$direct")"
fi
# The data asset is the product zip: point STACIT at the HH GeoTIFF inside it (/vsizip/ over
# /vsicurl/, which reads the zip by HTTP ranges) and add proj:epsg null for GDAL < 3.7.2.
python3 - "$work/search.json" "$work/search-gdal.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
for f in d["features"]:
    f["properties"].setdefault("proj:epsg", None)
    z = f["assets"]["data"]["href"]
    f["assets"] = {"hh": {"href": "/vsizip//vsicurl/" + z + "/IMG-HH-" + f["id"] + ".tif",
                          "type": "image/tiff; application=geotiff", "roles": ["data"]}}
json.dump(d, open(sys.argv[2], "w"))
PY
info="$(gdalinfo -checksum "$work/search-gdal.json" 2>&1 || true)"
shape="$(python3 -c 'import json,sys; s=json.load(open(sys.argv[1]))["features"][0]["properties"]["proj:shape"]; print(f"{s[1]}, {s[0]}")' "$work/search.json")"
size="$(sed -n 's/^Size is //p' <<<"$info")"
sum="$(sed -n 's/^ *Checksum=//p' <<<"$info" | head -1)"
check "gdal-stacit-zip: STACIT mosaics the /search result (the HH GeoTIFF in the zip asset): size $size (proj:shape $shape), checksum $sum, $(sed -n 's/^PROJCRS\["\([^"]*\)".*/\1/p' <<<"$info" | head -1)" \
  "$([[ -n $size && $size == "$shape" && -n $sum && $sum != 0 ]] && echo yes)"

echo "artefacts in $art"
[[ $failures == 0 ]]
