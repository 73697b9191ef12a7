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
