# Shared helpers of the side-by-side benchmark scripts (sourced, not run).
# Every server runs pinned to CPU $SRV_CPU, every load to CPU $LOAD_CPU; every load command is
# bounded by its own duration and by `timeout`; servers are stopped by the PIDs we started.
set -u
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
KIT_SRC=${KIT_SRC:-$REPO/../shared/bench}
WORK=${WORK:-/tmp/netscope-bench}
SRV_CPU=${SRV_CPU:-0}
LOAD_CPU=${LOAD_CPU:-1}
PY=/usr/bin/python3
HZ=$(getconf CLK_TCK)
declare -A SPID SPORT
STARTED=()

note() { printf '%s\n' "$*" >&2; }

# Copies the shared measuring kit to a scratch folder and builds its C tools.
prepare_kit() {
  [ -d "$KIT_SRC" ] || { note "measuring kit not found at $KIT_SRC (set KIT_SRC)"; exit 1; }
  mkdir -p "$WORK"
  rm -rf "$WORK/kit" && cp -r "$KIT_SRC" "$WORK/kit"
  KIT=$WORK/kit
  mkdir -p "$KIT/bin" "$KIT/tmp"
  gcc -O2 -o "$KIT/bin/echoload" "$KIT/echoload.c"
  gcc -O2 -o "$KIT/bin/c_epoll_echo" "$KIT/servers/c_epoll_echo.c"
}

# Publishes netscope in Release (ReadyToRun) unless NETSCOPE is already set to a binary.
prepare_netscope() {
  if [ -z "${NETSCOPE:-}" ]; then
    note "publishing netscope as install.sh does (Release, self-contained, composite ReadyToRun)"
    dotnet publish "$REPO/src/NetScope.Cli" -c Release -r linux-x64 --self-contained true \
      -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=true -o "$WORK/netscope" >"$WORK/publish.log" 2>&1 || { note "publish failed: $WORK/publish.log"; exit 1; }
    NETSCOPE=$WORK/netscope/netscope
  fi
}

port_busy() { ss -Hltn "sport = :$1" | grep -q .; }

free_port() { $PY -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

start_srv() { # name port cmd...
  local name=$1 port=$2
  shift 2
  taskset -c "$SRV_CPU" "$@" >"$WORK/srv-$name.log" 2>&1 &
  SPID[$name]=$!
  SPORT[$name]=$port
  STARTED+=("$name")
  for _ in $(seq 1 200); do port_busy "$port" && return 0; sleep 0.05; done
  note "!! $name did not start listening on $port (see $WORK/srv-$name.log)"
  return 1
}

stop_srv() {
  local pid=${SPID[$1]:-}
  [ -n "$pid" ] || return 0
  kill -TERM "$pid" 2>/dev/null
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  unset "SPID[$1]"
}

cleanup() { for n in "${STARTED[@]}"; do stop_srv "$n"; done; }
trap cleanup EXIT
trap 'exit 130' INT TERM

cpu_ticks() { # user+system ticks of a process and its threads
  [ -r "/proc/$1/stat" ] || { echo 0; return; }
  awk '{sub(/^.*\) /, ""); print $12 + $13}' "/proc/$1/stat"
}

rss_kib() { awk '/VmRSS/ {print $2}' "/proc/$1/status"; }

# measure NAME SERVER CMD...: runs a load command, prints "NAME SERVER <load output> srv_cpu=X".
measure() {
  local name=$1 server=$2
  shift 2
  local pid=${SPID[$server]} c0 c1 t0 t1 out
  c0=$(cpu_ticks "$pid"); t0=$(date +%s.%N)
  out=$("$@" 2>&1 | tail -1)
  t1=$(date +%s.%N); c1=$(cpu_ticks "$pid")
  printf '%s\t%s\t%s srv_cpu=%s\n' "$name" "$server" "$out" \
    "$(awk -v a="$c0" -v b="$c1" -v t0="$t0" -v t1="$t1" -v hz="$HZ" 'BEGIN{printf "%.2f", (b-a)/hz/(t1-t0)}')"
}

field() { # field KEY LINE -> the value of KEY=value in LINE
  printf '%s\n' "$2" | tr ' \t' '\n\n' | awk -F= -v k="$1" '$1 == k {print $2; exit}'
}
