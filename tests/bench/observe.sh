#!/usr/bin/env bash
# The cost of seeing inside (issue 6, docs/performance.md): the echo benchmark of tcp.sh (64-byte
# messages, 100 connections) against `netscope listen echo` three ways at once:
#   off     no session model
#   chains  the model attached (sessions, transcripts, Deferred chains) with no trace consumer
#   trace   the model attached and --trace writing every event to a file
# Rounds alternate the order; each line has msgs/s, p99, and the server's user and system CPU
# ticks over the load; the summary gives medians, the per-round ratio against off, and CPU per
# message (the server is saturated, so CPU per message is the steadier figure).
# Usage: tests/bench/observe.sh   (knobs: DUR=5 WARM=1 ROUNDS=8 NETSCOPE=path KIT_SRC=path)
source "$(dirname "$0")/lib.sh"
DUR=${DUR:-5}; WARM=${WARM:-1}; ROUNDS=${ROUNDS:-8}
prepare_kit
prepare_netscope

P=$(free_port); start_srv off "$P" "$NETSCOPE" listen echo --port "$P" --quiet
P=$(free_port); start_srv chains "$P" "$NETSCOPE" listen echo --port "$P" --quiet --chains
P=$(free_port); start_srv trace "$P" "$NETSCOPE" listen echo --port "$P" --quiet --trace "$WORK/observe-trace.jsonl"
user_system() { awk '{sub(/^.*\) /, ""); print $12, $13}' "/proc/$1/stat"; }

for r in $(seq 1 "$ROUNDS"); do
  order=(off chains trace); [ $((r % 2)) -eq 0 ] && order=(trace chains off)
  for s in "${order[@]}"; do
    read -r u0 s0 < <(user_system "${SPID[$s]}")
    out=$(timeout -k 5 $((DUR + WARM + 30)) taskset -c "$LOAD_CPU" "$KIT/bin/echoload" -p "${SPORT[$s]}" -c 100 -s 64 -d 1 -t "$DUR" -w "$WARM")
    read -r u1 s1 < <(user_system "${SPID[$s]}")
    printf 'r%s\t%s\t%s %s user_ticks=%s system_ticks=%s rss_kib=%s\n' "$r" "$s" \
      "$(grep -o 'msgs_per_s=[0-9]*' <<<"$out")" "$(grep -o 'p99_us=[0-9.]*' <<<"$out")" \
      $((u1 - u0)) $((s1 - s0)) "$(rss_kib "${SPID[$s]}")"
  done
done | tee "$WORK/observe.tsv"
echo "trace file: $(wc -c <"$WORK/observe-trace.jsonl") bytes"

# CPU per message: ticks over the load (warm-up included) / messages over the same span.
$PY - "$WORK/observe.tsv" "$HZ" "$((DUR + WARM))" <<'PY'
import statistics, sys
path, hz, span = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rounds = {}
for line in open(path):
    rnd, mode, rest = line.rstrip("\n").split("\t")
    rounds.setdefault(rnd, {})[mode] = {k: float(v) for k, v in (kv.split("=") for kv in rest.split())}
def per_msg(m, key):
    return m[key] / hz * 1e9 / (m["msgs_per_s"] * span)
for mode in ("off", "chains", "trace"):
    runs = [r[mode] for r in rounds.values()]
    rate = statistics.median(m["msgs_per_s"] for m in runs)
    paired = statistics.median(r[mode]["msgs_per_s"] / r["off"]["msgs_per_s"] for r in rounds.values())
    user = statistics.median(per_msg(m, "user_ticks") for m in runs)
    total = statistics.median(per_msg(m, "user_ticks") + per_msg(m, "system_ticks") for m in runs)
    print(f"summary\t{mode}\tmedian_msgs_per_s={rate:.0f} paired_vs_off={paired:.3f} "
          f"user_ns_per_msg={user:.0f} cpu_ns_per_msg={total:.0f} median_rss_kib={statistics.median(m['rss_kib'] for m in runs):.0f}")
PY
