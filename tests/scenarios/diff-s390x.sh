#!/usr/bin/env bash
# Differential scenario for one s390x test guest: the same ELF natively on
# QEMU (run-qemu-s390x --native) and as partition p0 of a Tern image on
# Hercules (run-hercules), then tools/difftest on the two logs.
#   diff-s390x.sh --name N --elf GUEST.elf --ins tern-SYSTEM.ins --cpus C
#                 [--mem 32M] [--append TEXT] [--timeout S] [--logs DIR]
#                 [--ignore SUITE]...
# Passes only if both runs pass on their own and difftest finds the same
# TEST results (apart from the ignored suites).
set -u
here=$(dirname "$(readlink -f "$0")")
tools=$(cd "$here/../../tools" && pwd)
name="" elf="" ins="" cpus=1 mem=32M append="" timeout=120 logs=${TMPDIR:-/tmp}
ignore=()
while [ $# -gt 0 ]; do
    case "$1" in
        --name) name=$2; shift 2 ;;
        --elf) elf=$2; shift 2 ;;
        --ins) ins=$2; shift 2 ;;
        --cpus) cpus=$2; shift 2 ;;
        --mem) mem=$2; shift 2 ;;
        --append) append=$2; shift 2 ;;
        --timeout) timeout=$2; shift 2 ;;
        --logs) logs=$2; shift 2 ;;
        --ignore) ignore+=(--ignore "$2"); shift 2 ;;
        *) echo "diff-s390x: unknown option $1" >&2; exit 64 ;;
    esac
done
[ -n "$name" ] && [ -n "$elf" ] && [ -n "$ins" ] || { sed -n '2,9p' "$0" >&2; exit 64; }
native=$logs/$name-native.log
tern=$logs/$name-tern.log
rc=0
echo "== native: $elf on QEMU"
"$tools/run-qemu-s390x" --native --quiet --cpus "$cpus" --mem "$mem" --timeout "$timeout" \
    ${append:+--append "$append"} --log "$native" "$elf" || rc=1
echo "== partition: $ins on Hercules"
"$tools/run-hercules" --quiet --cpus "$cpus" --timeout "$timeout" --log "$tern" "$ins" || rc=1
echo "== difftest"
"$tools/difftest" "$native" "$tern" "${ignore[@]}" || rc=1
[ $rc -eq 0 ] && echo "diff-s390x: $name: PASS" || echo "diff-s390x: $name: FAIL"
exit $rc
