#!/usr/bin/env bash
# The board harness (tools/run-board-mips64) exercised without a board: a
# QEMU loongson3-virt whose serial line is a pair of FIFOs stands in for the
# board's console, and the "reset command" starts it. The run goes through
# tools/run-qemu-mips64 with TERN_BOARD_SERIAL set, exactly as the ctest
# scenarios reach a real board.
#   board-on-qemu.sh IMAGE.elf [runner options]
set -u
image=$1
shift
dir=$(mktemp -d "${TMPDIR:-/tmp}/tern-board.XXXXXX")
trap 'rm -rf "$dir"' EXIT
mkfifo "$dir/console.in" "$dir/console.out"
qemu="timeout -k 5 60 qemu-system-mips64el -M loongson3-virt -cpu Loongson-3A4000 -smp 4 -m 1G"
qemu="$qemu -display none -vga none -nodefaults -monitor none -no-reboot"
qemu="$qemu -serial pipe:$dir/console -kernel {image}"
# the image is "loaded" by naming it on QEMU's command line
export TERN_BOARD_SERIAL=$dir/console.out
export TERN_BOARD_SERIAL_OUT=$dir/console.in
export TERN_BOARD_RESET="${qemu//\{image\}/$image} >/dev/null 2>&1 </dev/null &"
exec "$(dirname "$(readlink -f "$0")")/../../tools/run-qemu-mips64" "$@" "$image"
