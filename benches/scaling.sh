#!/usr/bin/env bash
# Scaling benchmarks, measured from outside on the release binary.
#
#   benches/scaling.sh [inspect|markers|library|rss|all]     (default: all)
#
# inspect  `ibid inspect` on 1, 10 and 100 MB articles (seed 000 repeated): wall time
#          (median of 3, warm page cache), MB/s, CPU seconds, peak RSS and RSS / input.
# markers  `ibid inspect` on 10^4, 10^5 and 10^6 one-line paragraphs with a `[1]` marker
#          each and one note (the adversarial input of issue 17), same figures.
# library  the reader started on 1,000 / 2,000 / 4,000 / 10,000 generated articles
#          (~21 KB each) in a 200x50 tmux terminal, cold (no cache) then warm: time and CPU
#          seconds until it is idle (no CPU tick for 2 s), CPU over the next 5 s, and peak
#          RSS (`/usr/bin/time -v`), against the library's size.
#          IBID_LIB_SIZES="1000 10000" picks the library sizes.
# rss      peak RSS of the reader on seed 000 alone, to idle, without and with caches.
#
# Needs tmux and /usr/bin/time. Inputs go to target/scaling (IBID_SCALING_DIR moves it).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=${IBID_SCALING_DIR:-$root/target/scaling}
mkdir -p "$work"
cargo build --quiet --release --bin ibid --example gen --manifest-path "$root/Cargo.toml"
bin=$root/target/release/ibid
gen=$root/target/release/examples/gen
sock="ibid-scaling-$$"
tck=$(getconf CLK_TCK)
trap 'tmux -L "$sock" kill-server 2>/dev/null || true' EXIT

median3() { printf '%s\n' "$@" | sort -g | sed -n 2p; }

# inspect_one FILE LABEL: three runs, median wall; CPU and RSS of the median run's kind.
inspect_one() {
  local f=$1 label=$2 size walls=() cpu rss
  size=$(stat -c %s "$f")
  cat "$f" > /dev/null
  for _ in 1 2 3; do
    /usr/bin/time -f '%e %U %S %M' -o "$work/t" "$bin" inspect "$f" > /dev/null
    read -r w u s m < "$work/t"
    walls+=("$w"); cpu=$(echo "$u + $s" | bc); rss=$m
  done
  local wall; wall=$(median3 "${walls[@]}")
  awk -v l="$label" -v b="$size" -v w="$wall" -v c="$cpu" -v r="$rss" 'BEGIN {
    printf "%-28s %8.1f MB  wall %6.2f s  %7.1f MB/s  cpu %6.2f s  peak RSS %7.1f MB = %5.2fx input\n",
      l, b/1e6, w, (w > 0 ? b/1e6/w : 0), c, r/1024, r*1024/b }'
}

run_inspect() {
  echo "== ibid inspect on articles (seed 000 repeated)"
  for mb in 1 10 100; do
    local f="$work/article-${mb}mb.txt"
    [ -f "$f" ] || "$gen" article "$f" "$mb"
    inspect_one "$f" "article ${mb} MB"
  done
}

run_markers() {
  echo "== ibid inspect on one-line paragraphs with a [1] marker each"
  for n in 10000 100000 1000000; do
    local f="$work/markers-$n.txt"
    [ -f "$f" ] || "$gen" markers "$f" "$n"
    inspect_one "$f" "$n markers"
  done
}

# cpu_ticks PID: user+system ticks of a process.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }

# find_ibid PID: the process named ibid among PID and its descendants (the shell may have
# exec'ed env and time, or not).
find_ibid() {
  local p=$1 c
  [ "$(cat "/proc/$p/comm" 2>/dev/null)" = ibid ] && { echo "$p"; return; }
  for c in $(pgrep -P "$p" 2>/dev/null); do
    find_ibid "$c"
  done | head -1
}

# reader_to_idle LABEL ARGS...: starts the reader in tmux under /usr/bin/time -v, waits until
# it has used no CPU tick for 2 s, measures 5 s more, quits it, prints the figures.
reader_to_idle() {
  local label=$1 data=$2; shift 2
  local tfile="$work/time-v.txt"
  rm -f "$tfile"
  tmux -L "$sock" kill-session -t r 2>/dev/null || true
  local t0; t0=$(date +%s.%N)
  tmux -L "$sock" new-session -d -s r -x 200 -y 50 \
    "env TERM=xterm-256color IBID_DATA_DIR=$data IBID_CACHE_DIR=$data/cache IBID_CONFIG_DIR=$data IBID_STATE_DIR=$data/state /usr/bin/time -v -o $tfile $bin $*"
  local pane pid=""
  pane=$(tmux -L "$sock" list-panes -t r -F '#{pane_pid}')
  for _ in $(seq 100); do
    pid=$(find_ibid "$pane")
    [ -n "$pid" ] && break
    sleep 0.05
  done
  [ -n "$pid" ] || { echo "$label: the reader did not start"; return 1; }
  local last=-1 same=0 now t_idle
  while :; do
    now=$(cpu_ticks "$pid")
    if [ "$now" = "$last" ]; then same=$((same + 1)); else same=0; last=$now; fi
    if [ "$same" -ge 20 ]; then break; fi   # 20 x 0.1 s without a tick
    sleep 0.1
  done
  t_idle=$(echo "$(date +%s.%N) - $t0 - 2" | bc)
  local at_idle=$now
  sleep 5
  local after; after=$(cpu_ticks "$pid")
  tmux -L "$sock" send-keys -t r q
  for _ in $(seq 100); do [ -s "$tfile" ] && break; sleep 0.1; done
  local user sys rss
  user=$(awk -F': ' '/User time/ {print $2}' "$tfile")
  sys=$(awk -F': ' '/System time/ {print $2}' "$tfile")
  rss=$(awk -F': ' '/Maximum resident/ {print $2}' "$tfile")
  awk -v l="$label" -v t="$t_idle" -v c="$at_idle" -v k="$tck" -v i="$((after - at_idle))" \
      -v u="$user" -v s="$sys" -v r="$rss" 'BEGIN {
    printf "%-34s idle after %6.2f s  cpu to idle %6.2f s  cpu in the next 5 s %4.2f s  peak RSS %7.1f MB  (cpu at exit %.2f s)\n",
      l, t, c/k, i/k, r/1024, u+s }'
}

run_library() {
  echo "== the reader on a generated library, start-up to idle"
  for n in ${IBID_LIB_SIZES:-1000 2000 4000 10000}; do
    local dir="$work/lib-$n"
    if [ ! -f "$dir/.ibid-gen-$n" ]; then
      rm -rf "$dir"; "$gen" library "$dir" "$n"; touch "$dir/.ibid-gen-$n"
    fi
    local mb; mb=$(du -sm --apparent-size "$dir" | cut -f1)
    local data="$work/data-$n"
    rm -rf "$data"; mkdir -p "$data"
    reader_to_idle "$n articles ($mb MB), cold" "$data" "$dir"
    reader_to_idle "$n articles ($mb MB), warm cache" "$data" "$dir"
  done
}

run_rss() {
  echo "== the reader on seed 000 alone"
  local data="$work/data-seed"
  rm -rf "$data"; mkdir -p "$data"
  reader_to_idle "seed 000, no cache" "$data" "$root/seeds/000_90ed57cec86e1d59.txt"
  reader_to_idle "seed 000, its cache" "$data" "$root/seeds/000_90ed57cec86e1d59.txt"
}

what=${1:-all}
echo "machine: $(nproc) CPUs, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr); load $(cut -d' ' -f1-3 /proc/loadavg)"
case "$what" in
  inspect) run_inspect ;;
  markers) run_markers ;;
  library) run_library ;;
  rss) run_rss ;;
  all) run_inspect; run_markers; run_library; run_rss ;;
  *) sed -n '2,20p' "$0"; exit 2 ;;
esac
