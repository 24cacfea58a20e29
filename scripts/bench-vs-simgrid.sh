#!/usr/bin/env bash
# miglab against SimGrid 3.32's live-migration plugin (a fluid model), side by side in one run, on one case:
# a 1 GiB guest, 100 MB/s, 2,441 pages/s written in address order over 0.9 of its memory, downtime limit 30 ms.
#
#   scripts/bench-vs-simgrid.sh          SimGrid (N=1000 migrations), miglab sweep (1,000 and 10,000 points,
#                                        page-level and closed form), miglab predict --batch
#                                        (1,000,000 lines, closed form); per-migration times and the ratios;
#                                        then the sweep once compiled, in one process, against the model alone
#   scripts/bench-vs-simgrid.sh --jmh    also the JMH figure of a 64 GiB guest (2 GiB working set, 200,000
#                                        pages/s) and of the same 1 GiB case (SpeedGoalBenchmark, about 1 minute)
#
# Times are CPU seconds (user + system) of the whole process, start-up taken out: miglab's per migration is
# (CPU of 1,000 points - CPU of 1 point) / 999, so the per-point work of `sweep` counts, the JVM's start does not
# (but the JIT compiling that a longer run pays, start-up code included, does: the 10,000-point sweep, a grid of
# 1,000 dirty rates by 10 bandwidths 1 B/s apart, shows the per-point cost once most of it is paid);
# SimGrid's program times its own loop. CPU rather than wall time because the machine may be shared; wall times
# are printed too. Needs libsimgrid-dev (installed with apt-get when run as root) and g++.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jmh=no
[[ "${1:-}" == "--jmh" ]] && jmh=yes

if [[ ! -f /usr/include/simgrid/plugins/live_migration.h ]]; then
    if [[ $(id -u) -ne 0 ]]; then
        echo "bench-vs-simgrid: SimGrid is missing; install it with: apt-get install -y libsimgrid-dev" >&2
        exit 1
    fi
    apt-get install -y -qq libsimgrid-dev >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq libsimgrid-dev; }
fi
command -v g++ >/dev/null || { echo "bench-vs-simgrid: g++ is missing (apt-get install -y g++)" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# ---- SimGrid ----
g++ -O2 -std=c++17 "$root/scripts/peers/simgrid/simgrid_migrations.cpp" -lsimgrid -o "$work/simgrid_migrations"
sg_line="$("$work/simgrid_migrations" 1000 --log=root.thres:critical)"
echo "$sg_line"
sg_cpu_ms="$(sed -E 's/.*, ([0-9.]+) ms \(cpu\).*/\1/' <<<"$sg_line")"
sg_wall_ms="$(sed -E 's/.*: ([0-9.]+) ms per migration \(wall\).*/\1/' <<<"$sg_line")"

# ---- miglab ----
"$root/miglab" --version >/dev/null   # builds the jar when it is missing or stale
jar="$root/miglab-cli/target/miglab.jar"

# prints "cpu_seconds wall_seconds" of a command (its output goes to /dev/null)
measure() {
    local TIMEFORMAT='%U %S %R' t
    t="$({ time "$@" >/dev/null 2>"$work/err"; } 2>&1)" || { cat "$work/err" >&2; exit 1; }
    awk '{ printf "%.3f %.3f\n", $1 + $2, $3 }' <<<"$t"
}
case_flags=(--memory 1G --bandwidth 100MB/s --write-model sweep --working-set 966367641 --downtime-limit 30ms)
sweep() {
    local backend="$1"
    shift
    java -jar "$jar" sweep --backend "$backend" "$@" "${case_flags[@]}" --no-plots --no-compare --out "$work/sweep"
}
read -r s1_cpu s1_wall < <(measure sweep sim --vary dirty-rate=2441)
read -r sn_cpu sn_wall < <(measure sweep sim --vary dirty-rate=2441..2441.999+0.001)
read -r sx_cpu sx_wall < <(measure sweep sim --vary dirty-rate=2441..2441.999+0.001 \
    --vary bandwidth=100000000..100000009+1)
read -r c1_cpu c1_wall < <(measure sweep closed-form --vary dirty-rate=2441)
read -r cn_cpu cn_wall < <(measure sweep closed-form --vary dirty-rate=2441..2441.999+0.001)
read -r cx_cpu cx_wall < <(measure sweep closed-form --vary dirty-rate=2441..2441.999+0.001 \
    --vary bandwidth=100000000..100000009+1)
lines=1000000
{
    echo "memory,bandwidth,write-model,working-set,dirty-rate,downtime-limit"
    awk -v n="$lines" 'BEGIN { for (i = 0; i < n; i++) printf "1G,100MB/s,sweep,966367641,%d,30ms\n", 2441 + i % 1000 }'
} >"$work/batch.csv"
head -2 "$work/batch.csv" >"$work/one.csv"
read -r b1_cpu b1_wall < <(measure java -jar "$jar" predict --batch "$work/one.csv" --out "$work/one-out.csv")
read -r bn_cpu bn_wall < <(measure java -jar "$jar" predict --batch "$work/batch.csv" --out "$work/batch-out.csv")
rows=$(($(wc -l <"$work/batch-out.csv") - 1))
[[ $rows -eq $lines ]] || { echo "bench-vs-simgrid: predict --batch wrote $rows rows for $lines lines" >&2; exit 1; }

awk -v sg="$sg_cpu_ms" -v sgw="$sg_wall_ms" -v s1="$s1_cpu" -v sn="$sn_cpu" -v s1w="$s1_wall" -v snw="$sn_wall" \
    -v sx="$sx_cpu" -v sxw="$sx_wall" -v c1="$c1_cpu" -v cn="$cn_cpu" -v c1w="$c1_wall" -v cnw="$cn_wall" \
    -v cx="$cx_cpu" -v cxw="$cx_wall" \
    -v b1="$b1_cpu" -v bn="$bn_cpu" -v b1w="$b1_wall" -v bnw="$bn_wall" -v lines="$lines" 'BEGIN {
    sim = (sn - s1) * 1000 / 999; simw = (snw - s1w) * 1000 / 999
    simx = (sx - s1) * 1000 / 9999; simxw = (sxw - s1w) * 1000 / 9999
    cs = (cn - c1) * 1000 / 999; csw = (cnw - c1w) * 1000 / 999
    csx = (cx - c1) * 1000 / 9999; csxw = (cxw - c1w) * 1000 / 9999
    cf = (bn - b1) * 1000 / (lines - 1); cfw = (bnw - b1w) * 1000 / (lines - 1)
    printf "\nper migration, CPU ms (wall ms in brackets)\n"
    printf "  SimGrid 3.32 live-migration plugin, 1,000 migrations     %9.4f  (%.4f)\n", sg, sgw
    printf "  miglab page-level, sweep of 1,000 points                 %9.4f  (%.4f)\n", sim, simw
    printf "  miglab page-level, sweep of 10,000 points                %9.4f  (%.4f)\n", simx, simxw
    printf "  miglab closed form, sweep of 1,000 points                %9.4f  (%.4f)\n", cs, csw
    printf "  miglab closed form, sweep of 10,000 points               %9.4f  (%.4f)\n", csx, csxw
    printf "  miglab closed form, predict --batch of %d lines     %9.4f  (%.4f)\n", lines, cf, cfw
    printf "  predict --batch, %d lines: %.1f s CPU, %.1f s wall\n", lines, bn, bnw
    printf "ratios (SimGrid / miglab, CPU; above 1: miglab faster)\n"
    printf "  page-level, 1,000 points   %.2f\n  page-level, 10,000 points  %.2f\n", sg / sim, sg / simx
    printf "  closed form, sweep         %.2f\n  closed form, 10,000 points %.2f\n", sg / cs, sg / csx
    printf "  closed form, batch         %.2f\n", sg / cf
}'
# the same case once the JIT has compiled the sweep: the whole sweep run 8 times in one process over the 10,000-point
# grid, the median of the last 4 rounds, against the model alone on the same points (SweepSpeed)
echo
java -cp "$jar" io.miglab.cli.sweep.SweepSpeed 10 8 | awk -v sg="$sg_cpu_ms" '
    /sweep .* us/ { print; printf "    SimGrid / miglab, the sweep once compiled: %.1f\n", sg * 1000 / $3; next } { print }'
load="$(cut -d' ' -f1-3 /proc/loadavg)"
echo "load average during the run: $load (2 cores: above 2, the figures include waiting for a core)"

jmh_cmd=(java -jar "$root/miglab-benchmarks/target/benchmarks.jar" SpeedGoalBenchmark -f 1 -wi 3 -w 2s -i 5 -r 2s)
if [[ $jmh == yes ]]; then
    (cd "$root" && mvn -B -q -o -DskipTests package -pl miglab-core,miglab-benchmarks -am >&2)
    "${jmh_cmd[@]}" 2>&1 | grep -E "^(Benchmark|SpeedGoalBenchmark)"
else
    echo "JMH (64 GiB, 2 GiB working set, 200,000 pages/s): scripts/bench-vs-simgrid.sh --jmh, or"
    echo "  mvn -q -DskipTests package -pl miglab-core,miglab-benchmarks -am && ${jmh_cmd[*]}"
fi
