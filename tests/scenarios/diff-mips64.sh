#!/usr/bin/env bash
# Differential scenario for one mips64 test guest on one QEMU CPU model:
# NAME-native.elf on the bare machine (run-qemu-mips64 --native) and
# NAME.elf as partition p0 of tern-mips64-NAME.elf (run-qemu-mips64), then
# tools/difftest on the two logs.
#   diff-mips64.sh --name N --model Loongson-3A4000|Loongson-3A1000
#                  --build DIR [--expect-pass K] [--timeout S] [--logs DIR]
#                  [--ignore SUITE]...
# Passes only if both runs pass on their own (no TEST FAIL, the native
# "TESTS DONE" and the partition's "[hv] EXIT status=0", at least K PASS
# lines as a partition) and difftest finds the same TEST results (apart from
# the ignored suites, which differ by design).
set -u
here=$(dirname "$(readlink -f "$0")")
tools=$(cd "$here/../../tools" && pwd)
name="" model="" build="" expect=0 timeout=60 logs=${TMPDIR:-/tmp}
ignore=()
while [ $# -gt 0 ]; do
    case "$1" in
        --name) name=$2; shift 2 ;;
        --model) model=$2; shift 2 ;;
        --build) build=$2; shift 2 ;;
        --expect-pass) expect=$2; shift 2 ;;
        --timeout) timeout=$2; shift 2 ;;
        --logs) logs=$2; shift 2 ;;
        --ignore) ignore+=(--ignore "$2"); shift 2 ;;
        *) echo "diff-mips64: unknown option $1" >&2; exit 64 ;;
    esac
done
[ -n "$name" ] && [ -n "$model" ] && [ -n "$build" ] || { sed -n '2,12p' "$0" >&2; exit 64; }
tag=$name-${model#Loongson-}
native=$logs/mips64-diff-$tag-native.log
tern=$logs/mips64-diff-$tag-tern.log
rc=0
echo "== native: $name-native.elf on QEMU $model"
"$tools/run-qemu-mips64" --native --quiet --cpu "$model" --cpus 1 --timeout "$timeout" \
    --log "$native" "$build/$name-native.elf" || rc=1
echo "== partition: $name.elf in tern-mips64-$name.elf on QEMU $model"
"$tools/run-qemu-mips64" --quiet --cpu "$model" --cpus 2 --timeout "$timeout" \
    --expect-pass "$expect" --log "$tern" "$build/tern-mips64-$name.elf" || rc=1
echo "== difftest"
"$tools/difftest" "$native" "$tern" "${ignore[@]}" || rc=1
[ $rc -eq 0 ] && echo "diff-mips64: $tag: PASS" || echo "diff-mips64: $tag: FAIL"
exit $rc
