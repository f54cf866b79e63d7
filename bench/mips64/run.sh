#!/usr/bin/env bash
# bench/mips64/run.sh: trap-and-emulate path lengths and the CPU-loop ratio
# of a Tern partition against the same guest run natively, on QEMU
# loongson3-virt with both CPU models; prints markdown tables. Never a test.
#   bench/mips64/run.sh [--runs N] [--exact-runs M] [--models "3A4000 3A1000"]
# Images: $TERN_BUILD/mips64 (default build/mips64): bench-native.elf and
# tern-mips64-bench.elf (bench/mips64/bench.cmake).
#
# Method (docs: DESIGN.md s.7). bench-guest.c reads CP0 Count around K
# repetitions of an operation and around K repetitions of the empty loop.
# Under `-icount shift=0,sleep=off -rtc clock=vm` an instruction takes 1 ns
# of virtual time and Count ticks every 2.5 ns, so
#     path = (dCount_op - dCount_empty) * 2.5 / K   instructions,
# executed instructions as QEMU counts them: an instruction that traps does
# not complete and is not counted, so natively an operation is 1 and as a
# partition it is Tern's instructions from its exception vector to the
# eret back into the guest. As a partition the guest's Count is the host's
# Count plus a constant (every mfc0 Count traps and reads the host's), so it
# counts the hypervisor's instructions too. The icount runs are repeated M
# times and must print identical BENCH lines (icount is deterministic).
# The CPU loop ratio is partition/native Count ticks for the same loop:
# under icount (instructions) and without icount, where Count follows the
# host's clock (wall time; median of N runs, each figure with its range).
set -u
top=$(cd "$(dirname "$(readlink -f "$0")")/../.." && pwd)
runs=3 exact=2 models="3A4000 3A1000"
while [ $# -gt 0 ]; do
    case "$1" in
        --runs) runs=$2; shift 2 ;;
        --exact-runs) exact=$2; shift 2 ;;
        --models) models=$2; shift 2 ;;
        *) sed -n '2,6p' "$0" >&2; exit 64 ;;
    esac
done
build=${TERN_BUILD:-$top/build}/mips64
native_elf=$build/bench-native.elf
tern_elf=$build/tern-mips64-bench.elf
for f in "$native_elf" "$tern_elf"; do
    [ -f "$f" ] || { echo "bench/mips64: $f missing (build first: tools/tern build)" >&2; exit 66; }
done
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
ICOUNT="-icount shift=0,sleep=off -rtc clock=vm"

# run MODEL native|tern icount|wall OUT: the BENCH lines of one run
run() {
    local model=$1 how=$2 clock=$3 out=$4 img=$tern_elf opt=()
    [ "$how" = native ] && { img=$native_elf; opt=(--native); }
    local extra=""
    [ "$clock" = icount ] && extra=$ICOUNT
    if ! TERN_QEMU_EXTRA="$extra" "$top/tools/run-qemu-mips64" "${opt[@]}" --quiet \
        --cpu "Loongson-$model" --cpus 1 --timeout 600 --log "$out.log" "$img" > "$out.verdict" 2>&1; then
        echo "bench/mips64: $model $how $clock run failed: $(tail -1 "$out.verdict")" >&2
    fi
    grep -o 'BENCH .*' "$out.log" > "$out" || true
}

# path FILE PHASE -> instructions (or ns) per operation, 1 decimal
path() {
    awk -v ph="$2" '$2 == ph {
        for (i = 3; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
        printf "%.1f", (v["op"] - v["empty"]) * 2.5 / (v["k"] * v["reps"]); found = 1 }
        END { if (!found) printf "-" }' "$1"
}
field() { # FILE PHASE KEY
    awk -v ph="$2" -v key="$3" '$2 == ph { for (i = 3; i <= NF; i++) { split($i, kv, "=");
        if (kv[1] == key) print kv[2] } }' "$1"
}
median() { sort -g | awk '{a[NR]=$1} END {if (NR) print a[int((NR+1)/2)]; else print "-"}'; }
range() { sort -g | awk 'NR==1{lo=$1} {hi=$1} END {if (NR) printf "%s-%s", lo, hi; else print "-"}'; }

phases="mfc0 mtc0 uart refill"
declare -A label=(
    [mfc0]="trapped MFC0 (Status)"
    [mtc0]="trapped MTC0 to Status"
    [uart]="vUART byte write (SCR)"
    [refill]="guest TLB refill (own handler, eret)"
)

for m in $models; do
    for how in native tern; do
        for i in $(seq "$exact"); do run "$m" "$how" icount "$tmp/$m.$how.icount.$i"; done
        for i in $(seq "$runs"); do run "$m" "$how" wall "$tmp/$m.$how.wall.$i"; done
        same=yes
        for i in $(seq 2 "$exact"); do
            cmp -s "$tmp/$m.$how.icount.1" "$tmp/$m.$how.icount.$i" || same=no
        done
        [ -s "$tmp/$m.$how.icount.1" ] || same=no
        echo "$same" > "$tmp/$m.$how.same"
    done
done

echo "mips64 trap-and-emulate on QEMU loongson3-virt ($(qemu-system-mips64el --version | head -1 | sed 's/.*version //'), $(date -u +%Y-%m-%d), $(nproc) host cores)"
echo
echo "Instruction path length per operation under -icount shift=0,sleep=off: (dCount_op - dCount_empty) x 2.5 / K."
echo "Native: the instruction itself (the refill: the guest handler's 8). Tern: the traps, the hypervisor's instructions from its"
echo "vector to the eret into the guest; the refill, all from the fault to the retried load (bench/mips64/README.md)."
echo
hdr="| operation | K |"
sep="|---|---:|"
for m in $models; do hdr="$hdr $m native | $m Tern |"; sep="$sep---:|---:|"; done
echo "$hdr"
echo "$sep"
first=${models%% *}
for ph in $phases; do
    k=$(field "$tmp/$first.native.icount.1" "$ph" k)
    reps=$(field "$tmp/$first.native.icount.1" "$ph" reps)
    [ "${reps:-1}" != 1 ] && k="$k x $reps"
    row="| ${label[$ph]} | ${k:--} |"
    for m in $models; do
        row="$row $(path "$tmp/$m.native.icount.1" "$ph") | $(path "$tmp/$m.tern.icount.1" "$ph") |"
    done
    echo "$row"
done
echo
row="Repeat exactly ($exact icount runs each, identical BENCH lines):"
for m in $models; do
    row="$row $m native $(cat "$tmp/$m.native.same"), Tern $(cat "$tmp/$m.tern.same");"
done
echo "${row%;}."
echo
echo "CPU-bound loop (registers only, no traps) as a partition against natively: Count ticks, partition / native."
echo
echo "| model | loop | native insns (icount) | ratio by icount | ratio by wall time (median of $runs) | native wall ms (range) | Tern wall ms (range) |"
echo "|---|---:|---:|---:|---:|---:|---:|"
for m in $models; do
    n=$(field "$tmp/$m.native.icount.1" loop n)
    ni=$(field "$tmp/$m.native.icount.1" loop ticks)
    ti=$(field "$tmp/$m.tern.icount.1" loop ticks)
    for how in native tern; do
        for i in $(seq "$runs"); do field "$tmp/$m.$how.wall.$i" loop ticks; done > "$tmp/$m.$how.loopwall"
    done
    nw=$(median < "$tmp/$m.native.loopwall"); tw=$(median < "$tmp/$m.tern.loopwall")
    ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a > 0 && b > 0) printf "%.6f", b / a; else print "-" }'; }
    ms() { tr '-' '\n' | awk '{ if (NR > 1) printf "-"; printf "%.1f", $1 / 400000 }'; }
    echo "| $m | ${n:--} x 10 insns | $(awk -v t="$ni" 'BEGIN { if (t) printf "%.0f", t * 2.5; else print "-" }') | $(ratio "$ni" "$ti") | $(awk -v a="$nw" -v b="$tw" 'BEGIN { if (a > 0 && b > 0) printf "%.3f", b / a; else print "-" }') | $(range < "$tmp/$m.native.loopwall" | ms) | $(range < "$tmp/$m.tern.loopwall" | ms) |"
done
echo
echo "Host time per operation as a partition without icount (Count at 400 MHz follows the host clock; median of $runs runs, us):"
echo
hdr="| operation |"; sep="|---|"
for m in $models; do hdr="$hdr $m Tern us |"; sep="$sep---:|"; done
echo "$hdr"; echo "$sep"
for ph in $phases; do
    row="| ${label[$ph]} |"
    for m in $models; do
        v=$(for i in $(seq "$runs"); do path "$tmp/$m.tern.wall.$i" "$ph"; echo; done | grep -v '^-' | median)
        row="$row $(awk -v v="$v" 'BEGIN { if (v != "-") printf "%.2f", v / 1000; else print "-" }') |"
    done
    echo "$row"
done
