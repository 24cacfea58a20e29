#!/usr/bin/env bash
# Sets up the real-QEMU guest environment of miglab (Debian 12, run as root).
#
#   scripts/setup-qemu.sh [--check]
#
# Installs QEMU >= 9.0 (bookworm-backports on Debian 12), busybox-static,
# gcc, cpio, gzip and xz-utils; downloads the kernel package behind
# linux-image-amd64 (without installing it); then builds under
# .miglab/guest/ at the repository root:
#   vmlinux            ELF kernel, booted by QEMU through PVH (-kernel)
#   initramfs.cpio.gz  busybox + /init + the static workload programs
#   env                QEMU=..., QEMU_DATADIRS=..., QEMU_VERSION=... for Java
# Idempotent: each step is skipped when its output is there and up to date.
# --check boots the guest once under TCG and waits for "MIGLAB READY".
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SRC="$ROOT/miglab-qemu/guest"
OUT="$ROOT/.miglab/guest"
QEMU_MIN_MAJOR=9
BASE_PKGS=(busybox-static gcc libc6-dev cpio gzip xz-utils)
QEMU_PKGS=(qemu-system-x86 qemu-system-common qemu-system-data seabios)
PROGS=(memwriter heartbeat cpuburn diskwriter)
# Network and disk drivers put into the initramfs when the kernel has them as modules.
NET_MODULES=(virtio_pci virtio_net virtio_blk)

START=$(date +%s)
log() { echo "[setup-qemu] $*"; }
die() { echo "[setup-qemu] ERROR: $*" >&2; exit 1; }

CHECK=0
for a in "$@"; do
    case "$a" in
        --check) CHECK=1 ;;
        -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
        *) die "unknown argument: $a" ;;
    esac
done

mkdir -p "$OUT"
export DEBIAN_FRONTEND=noninteractive

# ---------------------------------------------------------------- helpers

sha_of() { cat "$@" | sha256sum | cut -d' ' -f1; }

# "10.0.2" from the first line of `qemu-system-x86_64 --version`.
qemu_version() {
    "$1" --version 2>/dev/null | head -n1 | sed -n 's/^QEMU emulator version \([0-9][0-9.]*\).*/\1/p'
}

qemu_ok() {
    local bin=$1 v
    [ -x "$bin" ] || return 1
    v=$(qemu_version "$bin")
    [ -n "$v" ] && [ "${v%%.*}" -ge "$QEMU_MIN_MAJOR" ]
}

pkg_installed() {
    [ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" = "install ok installed" ]
}

APT_UPDATED=0
apt_update_once() {
    if [ "$APT_UPDATED" = 0 ]; then
        log "apt-get update"
        apt-get update -q
        APT_UPDATED=1
    fi
}

need_root() {
    [ "$(id -u)" = 0 ] || die "$1 needs root (run this script as root)"
}

. /etc/os-release
CODENAME=${VERSION_CODENAME:-}

# The mirror that the existing apt sources use for the release itself
# (not -security); backports are taken from the same host.
debian_mirror() {
    local f uri=""
    for f in /etc/apt/sources.list.d/*.sources; do
        [ -f "$f" ] || continue
        uri=$(awk -v cn="$CODENAME" '
            BEGIN { RS=""; FS="\n" }
            {
                u=""; s=0; deb=0
                for (i = 1; i <= NF; i++) {
                    if ($i ~ /^Types:.*(^|[ \t])deb([ \t]|$)/) deb=1
                    if ($i ~ /^URIs:/) { split($i, a, /[ \t]+/); u=a[2] }
                    if ($i ~ /^Suites:/) { n=split($i, b, /[ \t]+/); for (j = 2; j <= n; j++) if (b[j] == cn) s=1 }
                }
                if (deb && s && u != "") { print u; exit }
            }' "$f")
        [ -n "$uri" ] && { echo "$uri"; return; }
    done
    for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
        [ -f "$f" ] || continue
        uri=$(awk -v cn="$CODENAME" '
            $1 == "deb" {
                i = 2; if ($i ~ /^\[/) { while ($i !~ /\]$/) i++; i++ }
                if ($(i+1) == cn) { print $i; exit }
            }' "$f")
        [ -n "$uri" ] && { echo "$uri"; return; }
    done
    echo "http://deb.debian.org/debian"
}

ensure_backports_source() {
    local suite="$CODENAME-backports" f=/etc/apt/sources.list.d/miglab-backports.sources mirror
    if grep -qsE "(^|[[:space:]])$suite([[:space:]]|$)" /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources; then
        log "apt source for $suite already present"
        return
    fi
    mirror=$(debian_mirror)
    log "adding apt source $f: $mirror $suite"
    cat > "$f" <<EOF
# Added by miglab scripts/setup-qemu.sh: QEMU >= 9.0 for live migration under TCG.
Types: deb
URIs: $mirror
Suites: $suite
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
    APT_UPDATED=0
}

# ---------------------------------------------------------------- packages

QEMU=/usr/bin/qemu-system-x86_64
QEMU_DATADIRS=""
KDIR="$OUT/kernel"
is_elf() { [ -f "$1" ] && [ "$(head -c4 "$1" | od -An -tx1 | tr -d ' \n')" = 7f454c46 ]; }

# Decide first what apt has to do, so that the package lists are updated
# once, after the backports source is in place.
missing=()
for p in "${BASE_PKGS[@]}"; do pkg_installed "$p" || missing+=("$p"); done
need_qemu=0
qemu_ok "$QEMU" || need_qemu=1
need_kernel=0
{ is_elf "$OUT/vmlinux" && [ -f "$KDIR/modules.list" ] \
    && [ "$(cat "$KDIR/modules.wanted" 2>/dev/null)" = "${NET_MODULES[*]}" ]; } || need_kernel=1

if [ ${#missing[@]} -gt 0 ] || [ "$need_qemu" = 1 ] || [ "$need_kernel" = 1 ]; then
    need_root "installing packages"
    [ "$need_qemu" = 1 ] && [ "$CODENAME" = bookworm ] && ensure_backports_source
    apt_update_once
fi

if [ ${#missing[@]} -gt 0 ]; then
    log "apt-get install ${missing[*]}"
    apt-get install -y -q --no-install-recommends "${missing[@]}"
else
    log "base packages present: ${BASE_PKGS[*]}"
fi

if [ "$need_qemu" = 0 ]; then
    log "QEMU $(qemu_version "$QEMU") present at $QEMU"
else
    [ -x "$QEMU" ] && log "QEMU $(qemu_version "$QEMU") at $QEMU is older than $QEMU_MIN_MAJOR.0"
    if [ "$CODENAME" = bookworm ]; then
        log "apt-get install -t $CODENAME-backports ${QEMU_PKGS[*]}"
        apt-get install -y -q --no-install-recommends -t "$CODENAME-backports" "${QEMU_PKGS[@]}"
    else
        log "apt-get install ${QEMU_PKGS[*]}"
        apt-get install -y -q --no-install-recommends "${QEMU_PKGS[@]}"
    fi
    qemu_ok "$QEMU" || die "QEMU at $QEMU reports version '$(qemu_version "$QEMU" || true)'; miglab needs >= $QEMU_MIN_MAJOR.0 (Debian 12: from bookworm-backports)"
    log "QEMU $(qemu_version "$QEMU") installed"
fi
QEMU_VERSION=$(qemu_version "$QEMU")

# ---------------------------------------------------------------- kernel

# Decompress the XZ payload of a bzImage into an ELF vmlinux. The kernel's
# XZ stream starts at the magic FD 37 7A 58 5A 00 and is followed by the
# rest of the image (trailing data, signature), which --single-stream skips.
extract_vmlinux() {
    local img=$1 out=$2 off
    for off in $(LC_ALL=C grep -obUaP '\xFD7zXZ\x00' "$img" | cut -d: -f1); do
        if xz -dc --single-stream < <(tail -c "+$((off + 1))" "$img" 2>/dev/null) > "$out.tmp" 2>/dev/null && is_elf "$out.tmp"; then
            mv "$out.tmp" "$out"
            log "vmlinux: XZ payload at byte $off of $(basename "$img") -> $out ($(( $(stat -c %s "$out") / 1048576 )) MiB)"
            return 0
        fi
    done
    rm -f "$out.tmp"
    return 1
}

if [ "$need_kernel" = 0 ]; then
    log "vmlinux present: $(cat "$KDIR/version" 2>/dev/null || echo '?')"
else
    KPKG=$(apt-cache depends linux-image-amd64 2>/dev/null | awk '/Depends: linux-image-[0-9]/ { print $2; exit }')
    [ -n "$KPKG" ] || die "cannot resolve the package behind linux-image-amd64"
    tmp=$(mktemp -d "$OUT/kernel-tmp.XXXXXX")
    trap 'rm -rf "$tmp"' EXIT
    log "apt-get download $KPKG (not installed into /boot)"
    (cd "$tmp" && apt-get download -q "$KPKG")
    log "dpkg-deb -x $KPKG"
    dpkg-deb -x "$tmp"/*.deb "$tmp/root"
    vmlinuz=$(ls "$tmp"/root/boot/vmlinuz-* | head -n1)
    kver=${vmlinuz##*/vmlinuz-}
    rm -rf "$KDIR"
    mkdir -p "$KDIR/modules"
    cp "$vmlinuz" "$KDIR/vmlinuz"
    cp "$tmp"/root/boot/config-* "$KDIR/config" 2>/dev/null || true
    echo "$KPKG $kver" > "$KDIR/version"
    extract_vmlinux "$KDIR/vmlinuz" "$OUT/vmlinux" || die "no XZ-compressed ELF kernel found in $vmlinuz"

    # Network driver modules with their dependencies, in load order. The
    # package has no modules.dep (depmod makes it at install time), so the
    # dependencies are read from each module's "depends=" modinfo string.
    mdir="$tmp/root/lib/modules/$kver/kernel"
    : > "$KDIR/modules.list"
    add_module() {
        local name=$1 f deps d
        grep -qx "$name.ko" "$KDIR/modules.list" && return 0
        f=$(find "$mdir" \( -name "$name.ko" -o -name "${name//_/-}.ko" \) -print -quit)
        if [ -z "$f" ]; then
            log "module $name: built in or absent"
            return 0
        fi
        deps=$(LC_ALL=C grep -ao 'depends=[^[:cntrl:]]*' "$f" | head -n1 | cut -d= -f2)
        for d in ${deps//,/ }; do add_module "$d"; done
        cp "$f" "$KDIR/modules/$name.ko"
        echo "$name.ko" >> "$KDIR/modules.list"
    }
    for m in "${NET_MODULES[@]}"; do add_module "$m"; done
    echo "${NET_MODULES[*]}" > "$KDIR/modules.wanted"
    log "initramfs modules: $(tr '\n' ' ' < "$KDIR/modules.list")"
    rm -rf "$tmp"
    trap - EXIT
fi

# ---------------------------------------------------------------- programs

mkdir -p "$OUT/bin"
for p in "${PROGS[@]}"; do
    src="$SRC/$p.c"
    [ -f "$src" ] || die "missing $src"
    want=$(sha_of "$src")
    if [ -x "$OUT/bin/$p" ] && [ "$(cat "$OUT/bin/$p.sha256" 2>/dev/null)" = "$want" ]; then
        log "$p up to date"
    else
        log "gcc -static -O2 $p.c"
        gcc -static -O2 -Wall -Wextra -o "$OUT/bin/$p" "$src"
        echo "$want" > "$OUT/bin/$p.sha256"
    fi
done

# ---------------------------------------------------------------- initramfs

BUSYBOX=/bin/busybox
[ -x "$BUSYBOX" ] || die "busybox-static not found at $BUSYBOX"
inputs=("$SRC/init" "$BUSYBOX" "${BASH_SOURCE[0]}" "$KDIR/modules.list")
for p in "${PROGS[@]}"; do inputs+=("$OUT/bin/$p"); done
while read -r m; do [ -n "$m" ] && inputs+=("$KDIR/modules/$m"); done < "$KDIR/modules.list"
want=$(sha_of "${inputs[@]}")
if [ -f "$OUT/initramfs.cpio.gz" ] && [ "$(cat "$OUT/initramfs.sha256" 2>/dev/null)" = "$want" ]; then
    log "initramfs up to date"
else
    need_root "creating device nodes for the initramfs"
    log "building initramfs"
    stage="$OUT/initramfs.d"
    rm -rf "$stage"
    mkdir -p "$stage"/{bin,dev,etc,proc,sys,tmp,run,www,lib/modules}
    ln -s bin "$stage/sbin"
    cp "$BUSYBOX" "$stage/bin/busybox"
    for a in $("$BUSYBOX" --list); do
        [ "$a" = busybox ] || [ -e "$stage/bin/$a" ] || ln -s busybox "$stage/bin/$a"
    done
    for p in "${PROGS[@]}"; do
        rm -f "$stage/bin/$p"
        cp "$OUT/bin/$p" "$stage/bin/$p"
    done
    while read -r m; do [ -n "$m" ] && cp "$KDIR/modules/$m" "$stage/lib/modules/$m"; done < "$KDIR/modules.list"
    cp "$KDIR/modules.list" "$stage/lib/modules/load-order"
    install -m 0755 "$SRC/init" "$stage/init"
    mknod -m 600 "$stage/dev/console" c 5 1
    mknod -m 666 "$stage/dev/null" c 1 3
    cat > "$stage/www/index.html" <<'EOF'
<!doctype html>
<html><head><title>miglab guest</title></head>
<body><p>miglab guest httpd</p></body></html>
EOF
    # udhcpc hands the lease to this script in environment variables.
    cat > "$stage/etc/udhcpc.script" <<'EOF'
#!/bin/sh
case "$1" in
    bound|renew)
        ip addr flush dev "$interface"
        ip addr add "$ip/${mask:-24}" dev "$interface"
        [ -n "$router" ] && ip route add default via "${router%% *}" dev "$interface"
        ;;
esac
exit 0
EOF
    chmod 0755 "$stage/etc/udhcpc.script"
    (cd "$stage" && find . -mindepth 1 | LC_ALL=C sort | cpio -o -H newc --quiet -R 0:0 | gzip -9) > "$OUT/initramfs.cpio.gz.tmp"
    mv "$OUT/initramfs.cpio.gz.tmp" "$OUT/initramfs.cpio.gz"
    echo "$want" > "$OUT/initramfs.sha256"
    rm -rf "$stage"
    log "initramfs: $OUT/initramfs.cpio.gz ($(( $(stat -c %s "$OUT/initramfs.cpio.gz") / 1024 )) KiB)"
fi

# ---------------------------------------------------------------- env file

cat > "$OUT/env.tmp" <<EOF
QEMU=$QEMU
QEMU_DATADIRS=$QEMU_DATADIRS
QEMU_VERSION=$QEMU_VERSION
VMLINUX=$OUT/vmlinux
INITRAMFS=$OUT/initramfs.cpio.gz
KERNEL=$(cat "$KDIR/version" 2>/dev/null || true)
EOF
mv "$OUT/env.tmp" "$OUT/env"
log "wrote $OUT/env:"
sed 's/^/    /' "$OUT/env"

# ---------------------------------------------------------------- check

if [ "$CHECK" = 1 ]; then
    serial="$OUT/check-serial.log"
    rm -f "$serial"
    log "check: booting the guest under TCG (workload=memwriter)"
    datadir_args=()
    IFS=: read -ra dds <<< "$QEMU_DATADIRS"
    for d in "${dds[@]}"; do [ -n "$d" ] && datadir_args+=(-L "$d"); done
    t0=$(date +%s.%N)
    "$QEMU" "${datadir_args[@]}" -accel tcg -m 256M -smp 1 -nodefaults -display none -vga none \
        -no-reboot -monitor none -kernel "$OUT/vmlinux" -initrd "$OUT/initramfs.cpio.gz" \
        -append "console=ttyS0 quiet panic=-1 workload=memwriter ws_mb=16 dirty_pps=1000" \
        -serial "file:$serial" &
    qpid=$!
    ok=0
    for _ in $(seq 1 600); do
        if grep -q "^MEM " "$serial" 2>/dev/null && grep -q "MIGLAB READY" "$serial"; then ok=1; break; fi
        kill -0 "$qpid" 2>/dev/null || break
        sleep 0.1
    done
    t1=$(date +%s.%N)
    kill "$qpid" 2>/dev/null || true
    wait "$qpid" 2>/dev/null || true
    [ "$ok" = 1 ] || { tail -n 20 "$serial" >&2 || true; die "check failed: no MIGLAB READY within 60 s (serial log: $serial)"; }
    log "check: MIGLAB READY and MEM lines after $(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }') s; last lines:"
    grep -E '^(HB|MEM|MIGLAB)' "$serial" | tail -n 3 | sed 's/^/    /'
fi

log "done in $(( $(date +%s) - START )) s"
