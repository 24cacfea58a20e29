#!/usr/bin/env bash
# miglab against CloudSim Plus 8.5.7 on the same day: 2,000 hosts, 8,000 VMs whose CPU demand replays the same
# generated per-VM trace (8,000 VMs x 288 steps of 300 s, 2.3 million rows), a static over-utilisation threshold of
# 0.8 with migrations to the best-fitting host, 24 h. Builds both (miglab's jar; scripts/peers/cloudsimplus, a
# separate Maven project), generates the trace if missing, runs each once in its own JVM and prints the wall time of
# each whole process (start-up and trace reading included), the migrations each made, and the ratios, overall and
# per migration. CloudSim Plus drops many migration requests silently, so it makes fewer migrations: compare the
# per-migration figure too.
#   scripts/bench-vs-cloudsimplus.sh [hosts=2000] [vms=8000]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
hosts="${1:-2000}"
vms="${2:-8000}"
export MAVEN_OPTS="${MAVEN_OPTS:-} -Djansi.noreset=true"
jar="$root/miglab-cli/target/miglab.jar"
peer="$root/scripts/peers/cloudsimplus"
dir="$root/examples/datacenter/trace-day"
trace="$dir/cpu-trace-8000.csv"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "building miglab and the CloudSim Plus program ..." >&2
(cd "$root" && mvn -q -B -DskipTests package -pl miglab-cli -am) >&2
(cd "$peer" && mvn -q -B -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt) >&2

if [[ ! -f "$trace" ]]; then
    echo "generating $trace ..." >&2
    java -cp "$jar" io.miglab.datacenter.bench.CpuTraceGenerator "$trace" 8000 288 300 1
fi
scenario="$work/trace-day.yaml"
sed -e "s/count: 100\$/count: $((hosts / 20))/" -e "s/count: 8000\$/count: $vms/" \
    -e "s|file: cpu-trace-8000.csv|file: $trace|" "$dir/trace-day.yaml" > "$scenario"

now() { date +%s.%N; }
t0=$(now)
java -Xmx4g -cp "$jar" io.miglab.datacenter.bench.DayBenchmark "$scenario" > "$work/miglab.txt"
t1=$(now)
java -Xmx8g -cp "$peer/target/cloudsimplus-day-1.jar:$(cat "$peer/target/classpath.txt")" io.miglab.peers.TraceDay \
    "$trace" "$hosts" "$vms" > "$work/cloudsimplus.txt"
t2=$(now)

m_wall=$(echo "$t1 - $t0" | bc -l)
c_wall=$(echo "$t2 - $t1" | bc -l)
m_mig=$(awk '/^migrations/ {gsub(",", "", $2); print $2}' "$work/miglab.txt")
m_cpu=$(awk '/^process CPU/ {print $3}' "$work/miglab.txt")
c_mig=$(awk '/migrations_started/ {print $3}' "$work/cloudsimplus.txt")
c_done=$(awk '/migrations_finished/ {print $3}' "$work/cloudsimplus.txt")
c_cpu=$(awk '/cpu_s/ {print $3}' "$work/cloudsimplus.txt")
cat "$work/miglab.txt" "$work/cloudsimplus.txt" | sed 's/^/  /' >&2
printf '%-14s %10s %10s %12s %20s\n' "" "wall s" "CPU s" "migrations" "ms wall per migration"
printf '%-14s %10.1f %10.1f %12s %20.3f\n' miglab "$m_wall" "$m_cpu" "$m_mig" "$(echo "1000 * $m_wall / $m_mig" | bc -l)"
printf '%-14s %10.1f %10.1f %12s %20.3f\n' "CloudSim Plus" "$c_wall" "$c_cpu" "$c_mig ($c_done done)" \
    "$(echo "1000 * $c_wall / ($c_mig + ($c_mig == 0))" | bc -l)"
printf 'CloudSim Plus / miglab: %.1f x the wall time, %.1f x the CPU time, %.1f x the wall time per migration\n' \
    "$(echo "$c_wall / $m_wall" | bc -l)" "$(echo "$c_cpu / $m_cpu" | bc -l)" \
    "$(echo "($c_wall / ($c_mig + ($c_mig == 0))) / ($m_wall / $m_mig)" | bc -l)"
