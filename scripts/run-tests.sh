#!/usr/bin/env bash
# The test command of the README (./miglab test): the whole suite, with everything it needs.
#
#   ./miglab test [--skip-qemu] [--skip-browser] [--skip-postgres] [--skip-libvirt] [maven arguments...]
#
# The real-QEMU tests need the guest of scripts/setup-qemu.sh: when it is missing, this runs that script first
# (as root; otherwise it stops and names the command). The report browser tests need chromium and the shared
# results store test PostgreSQL, the libvirt backend's tests libvirtd: when one is missing, this stops and names
# the package to install. A test whose prerequisite is missing fails; only a --skip-* flag makes such tests skip,
# and the summary then counts them.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

skip=()
args=()
for a in "$@"; do
    case "$a" in
        --skip-qemu) skip+=(qemu) ;;
        --skip-browser) skip+=(browser) ;;
        --skip-postgres) skip+=(postgres) ;;
        --skip-libvirt) skip+=(libvirt) ;;
        *) args+=("$a") ;;
    esac
done
skipping() { [[ " ${skip[*]:-} " == *" $1 "* ]]; }
die() { echo "miglab: $*" >&2; exit 2; }

if ! skipping qemu && [[ ! -f .miglab/guest/env ]]; then
    if [[ "$(id -u)" == 0 ]]; then
        echo "miglab: the real-QEMU guest is missing (.miglab/guest): running scripts/setup-qemu.sh first" >&2
        bash scripts/setup-qemu.sh >&2
    else
        die "the real-QEMU tests need the guest: run 'sudo scripts/setup-qemu.sh' first (or ./miglab test --skip-qemu)"
    fi
fi
if ! skipping qemu && { ! command -v nft >/dev/null || ! command -v tc >/dev/null; }; then
    die "the real-QEMU tests over network namespaces need nftables and iproute2: run 'apt-get install nftables iproute2' first (or ./miglab test --skip-qemu)"
fi
if ! skipping browser && ! command -v chromium >/dev/null && ! command -v chromium-browser >/dev/null \
        && ! command -v google-chrome >/dev/null; then
    die "the report browser tests need chromium: run 'apt-get install chromium' first (or ./miglab test --skip-browser)"
fi
if ! skipping postgres && ! compgen -G "/usr/lib/postgresql/*/bin/pg_ctl" >/dev/null; then
    die "the results store test needs PostgreSQL: run 'apt-get install postgresql' first (or ./miglab test --skip-postgres)"
fi
if ! skipping libvirt && [[ ! -x /usr/sbin/libvirtd ]]; then
    die "the libvirt backend's tests need libvirtd: install libvirt-daemon-driver-qemu and its companions from bookworm-backports as .ci/run does (or ./miglab test --skip-libvirt)"
fi

# reports of earlier runs would be counted below
rm -rf miglab-*/target/surefire-reports miglab-*/target/failsafe-reports
list=$(IFS=,; echo "${skip[*]:-}")
status=0
mvn -B verify ${list:+"-Dmiglab.test.skip=$list"} ${args[@]+"${args[@]}"} || status=$?

for kind in ${skip[@]+"${skip[@]}"}; do
    n=$(cat miglab-*/target/surefire-reports/TEST-*.xml miglab-*/target/failsafe-reports/TEST-*.xml 2>/dev/null \
        | grep -o "TestAbortedException: skipped by --skip-$kind" | wc -l || true)
    case "$kind" in
        qemu) what="real-QEMU tests" ;;
        browser) what="browser tests" ;;
        postgres) what="PostgreSQL tests" ;;
        libvirt) what="libvirt tests" ;;
    esac
    echo "miglab: $n $what skipped (--skip-$kind)" >&2
done
exit "$status"
