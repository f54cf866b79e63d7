#!/usr/bin/env bash
# bench/mips64/ipi.sh: the guest-visible IPI round trip A -> B -> A of a
# mips64 guest (bench/mips64/ipi-guest.c, with the guest SDK's tg_smp.h) on
# QEMU loongson3-virt under -icount shift=0,sleep=off, natively and as a
# Tern partition (2 vCPUs pinned on 2 CPUs; 2 vCPUs time-sliced on 1);
# prints a markdown table. Never a test: nothing passes or fails on a number.
#   bench/mips64/ipi.sh [--exact-runs M] [--model 3A4000|3A1000]
# Images ($TERN_BUILD/mips64, default build/mips64; bench/mips64/bench.cmake):
# ipibench-native.elf, tern-mips64-ipibench-{pinned,slice}-{21,121}.elf.
#
# Unit. Under -icount shift=0 QEMU advances its virtual clock by 1 ns per
# executed instruction, on whichever CPU executes it (TCG runs the CPUs
# round robin on one clock), and Count ticks at 400 MHz of that clock: one
# Count tick is 2.5 instructions. A round trip of T ticks is 2.5 T
# instructions executed by the whole machine: the sender's and the target's
# guest code (their IP6 handlers and waits) and, as a partition, every trap
# and scheduling decision of the hypervisor in between. A waiting CPU
# executes nothing (sleep=off: an all-idle machine jumps to its next timer,
# which a round trip never waits for). Each figure is the median of 21
# round trips after 5 warm-up ones; the runs repeat exactly (M runs must
# print identical BENCH lines).
# Exits per round trip: (exits of the 121-round run - exits of the 21-round
# run) / 100, from the counts Tern prints when the partition stops.
set -u
top=$(cd "$(dirname "$(readlink -f "$0")")/../.." && pwd)
exact=2 model=3A4000
while [ $# -gt 0 ]; do
    case "$1" in
        --exact-runs) exact=$2; shift 2 ;;
        --model) model=$2; shift 2 ;;
        *) sed -n '2,9p' "$0" >&2; exit 64 ;;
    esac
done
build=${TERN_BUILD:-$top/build}/mips64
for f in ipibench-native.elf tern-mips64-ipibench-pinned-21.elf tern-mips64-ipibench-pinned-121.elf \
    tern-mips64-ipibench-slice-21.elf tern-mips64-ipibench-slice-121.elf; do
    [ -f "$build/$f" ] || { echo "bench/mips64/ipi: $build/$f missing (build first: tools/tern build)" >&2; exit 66; }
done
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
ICOUNT="-icount shift=0,sleep=off -rtc clock=vm"

# run CONFIG ROUNDS OUT: one icount run; OUT gets its BENCH lines, OUT.log the console
run() {
    local cfg=$1 n=$2 out=$3 opt=() img
    if [ "$cfg" = native ]; then
        img=$build/ipibench-native.elf; opt=(--native --append "cpus=2 rounds=$n")
    else
        img=$build/tern-mips64-ipibench-$cfg-$n.elf
    fi
    if ! TERN_QEMU_EXTRA="$ICOUNT" "$top/tools/run-qemu-mips64" "${opt[@]}" --quiet \
        --cpu "Loongson-$model" --cpus 2 --timeout 300 --log "$out.log" "$img" > "$out.verdict" 2>&1; then
        echo "bench/mips64/ipi: $cfg ($n rounds) run failed: $(tail -1 "$out.verdict")" >&2
    fi
    grep -o 'BENCH .*' "$out.log" > "$out" || true
}
field() { # FILE KEY, from the "BENCH ipi a=.. median=.." line
    awk -v key="$2" '$2 == "ipi" { for (i = 3; i <= NF; i++) { split($i, kv, "=");
        if (kv[1] == key) print kv[2] } }' "$1"
}
exits() { sed -n 's/^\[hv\] p0 exits \([0-9]*\):.*/\1/p' "$1" | tail -1; }

declare -A label=(
    [native]="native, 2 CPUs (QEMU -smp 2)"
    [pinned]="Tern: 2 vCPUs pinned on 2 CPUs"
    [slice]="Tern: 2 vCPUs time-sliced on 1 CPU"
)
for c in native pinned slice; do
    for i in $(seq "$exact"); do run "$c" 21 "$tmp/$c.$i"; done
    same=yes
    for i in $(seq 2 "$exact"); do cmp -s "$tmp/$c.1" "$tmp/$c.$i" || same=no; done
    [ -s "$tmp/$c.1" ] || same=no
    echo "$same" > "$tmp/$c.same"
    [ "$c" = native ] || run "$c" 121 "$tmp/$c.long"
done

echo "mips64 IPI round trip A -> B -> A, guest-visible, on QEMU loongson3-virt $model ($(qemu-system-mips64el --version | head -1 | sed 's/.*version //'), $(date -u +%Y-%m-%d), $(nproc) host cores)"
echo
echo "-icount shift=0,sleep=off: 1 instruction = 1 ns of virtual time and Count ticks every 2.5 ns, so instructions = Count ticks x 2.5,"
echo "counting everything the machine executed in the round trip (both vCPUs and the hypervisor). Median of 21 round trips after 5 warm-up."
echo
echo "| configuration | Count ticks: median (min-max) | instructions | vs native | exits per round trip | repeats exactly ($exact runs) |"
echo "|---|---:|---:|---:|---:|---|"
nmed=$(field "$tmp/native.1" median)
for c in native pinned slice; do
    med=$(field "$tmp/$c.1" median); lo=$(field "$tmp/$c.1" min); hi=$(field "$tmp/$c.1" max)
    ins=$(awk -v t="$med" 'BEGIN { if (t != "") printf "%.0f", t * 2.5; else print "-" }')
    ratio=$(awk -v a="$nmed" -v b="$med" 'BEGIN { if (a > 0 && b > 0) printf "%.1fx", b / a; else print "-" }')
    ex="-"
    if [ "$c" != native ]; then
        ex=$(awk -v a="$(exits "$tmp/$c.1.log")" -v b="$(exits "$tmp/$c.long.log")" \
            'BEGIN { if (a != "" && b != "") printf "%.2f", (b - a) / 100; else print "-" }')
    fi
    echo "| ${label[$c]} | ${med:--} (${lo:--}-${hi:--}) | $ins | $ratio | $ex | $(cat "$tmp/$c.same") |"
done
