#!/usr/bin/env bash
# Two mips64 partitions at once, with an order to check: run the image
# with tools/run-qemu-mips64 (its verdict must pass), then require a console
# line matching FIRST before the first line matching SECOND.
#   pair-mips64.sh --first REGEX --second REGEX -- RUNNER-ARGS... IMAGE.elf
# Used for "a guest spinning with interrupts off does not stop the other
# partition": the other one's "TESTS DONE" must come while the spinner
# still spins (before the spinner's own "TESTS DONE").
set -u
here=$(dirname "$(readlink -f "$0")")
tools=$(cd "$here/../../tools" && pwd)
first="" second="" log=""
while [ $# -gt 0 ]; do
    case "$1" in
        --first) first=$2; shift 2 ;;
        --second) second=$2; shift 2 ;;
        --) shift; break ;;
        *) echo "pair-mips64: unknown option $1" >&2; exit 64 ;;
    esac
done
[ -n "$first" ] && [ -n "$second" ] && [ $# -gt 0 ] || { sed -n '2,8p' "$0" >&2; exit 64; }
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
    [ "${args[$i]}" = --log ] && log=${args[$((i + 1))]}
done
if [ -z "$log" ]; then
    log=$(mktemp "${TMPDIR:-/tmp}/tern-pair.XXXXXX")
    args=(--log "$log" "${args[@]}")
fi
"$tools/run-qemu-mips64" "${args[@]}" || exit 1
a=$(grep -n -m1 -E -- "$first" "$log" | cut -d: -f1)
b=$(grep -n -m1 -E -- "$second" "$log" | cut -d: -f1)
if [ -z "$a" ] || [ -z "$b" ]; then
    echo "pair-mips64: FAIL: no line matches /$first/ or /$second/"; exit 1
fi
if [ "$a" -ge "$b" ]; then
    echo "pair-mips64: FAIL: /$first/ (line $a) came after /$second/ (line $b)"; exit 1
fi
echo "pair-mips64: PASS: /$first/ (line $a) before /$second/ (line $b)"
