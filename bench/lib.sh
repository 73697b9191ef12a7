# Shared by the bench scripts: source it. Installs missing Debian packages and reads /usr/bin/time -v logs.

# bench_need CMD-OR-FILE PACKAGE...: apt-get installs the packages when the command (or file) is missing.
bench_missing=()
bench_need() {
  local what="$1"; shift
  if [[ "$what" == /* ]]; then [[ -e "$what" ]] && return 0; else command -v "$what" >/dev/null 2>&1 && return 0; fi
  bench_missing+=("$@")
}
bench_install() {
  ((${#bench_missing[@]})) || return 0
  local sudo_cmd=""
  [[ $(id -u) -eq 0 ]] || sudo_cmd="sudo"
  echo "installing ${bench_missing[*]} ..." >&2
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${bench_missing[@]}" >/dev/null
  bench_missing=()
}

# secs LOG: wall seconds; peak LOG: maximum resident set size in MB (from /usr/bin/time -v)
secs() { awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$1"; }
peak() { awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$1"; }

# bench_delivery PRESET: the path of a full-size generated delivery zip (fbd: FBD L1.5, two 14060 x 13684
# polarisations; fbs: FBS L1.5, one polarisation of the same size; ubs: UBS L1.5, one 27964 x 31459
# image), made once under $BENCH_DIR/zip-PRESET with `sample --full-size`. Needs bin/alos2-ingest built.
bench_delivery() {
  local preset="$1" dir="${BENCH_DIR:-/tmp/alos2-ingest-bench}/zip-$1" args
  case "$preset" in
    fbd | ubs) args=(--preset "$preset") ;;
    fbs) args=(--mode FBS) ;;
    *) echo "unknown delivery preset: $preset (expected fbd, fbs or ubs)" >&2; return 2 ;;
  esac
  if [[ ! -f "$dir/.done" ]]; then
    rm -rf "$dir"; mkdir -p "$dir"
    echo "generating the full-size $preset delivery in $dir ..." >&2
    "$root/bin/alos2-ingest" sample "${args[@]}" --full-size -o "$dir" >/dev/null
    touch "$dir/.done"
  fi
  find "$dir" -maxdepth 1 -name '*.zip' | head -1
}
