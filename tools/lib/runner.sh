# Shared by the emulator runners (tools/run-*): option parsing, the hard
# timeout, and the verdict. Sourced, not executed.
#
# Verdict rules (DESIGN.md section 6): never the emulator's exit code alone.
#   - a "[hv] PANIC" line                      -> panic    (rc 2)
#   - no "[hv] EXIT status=N" line, timed out  -> timeout  (rc 124)
#   - no "[hv] EXIT status=N" line otherwise   -> no-exit  (rc 3)
#   - N differs from --expect-exit (default 0) -> exit-status (rc 1)
#   - --expect-cpus N and the SMP lines do not show N distinct CPUs online
#     (boot CPU included) and N-1 secondaries answering the IPI -> smp (rc 1)
#   - an --expect REGEX line missing            -> marker   (rc 1)
#   - a guest test line "TEST <suite>.<name> FAIL" (any partition, or the
#     guest itself in --native runs)            -> test-fail (rc 1)
#   - fewer than --expect-pass N "TEST ... PASS" lines -> tests (rc 1)
# --native: the image is a guest run directly on the emulator, without Tern:
# no "[hv] EXIT" line is expected; the guest SDK's last line
# "TESTS DONE pass=P fail=F skip=S" takes its place.
#   - the emulator's own status contradicts N  -> emulator-rc (rc 1), where
#     the emulator can report N (QEMU MIPS with semihosting)
# A failing run prints the tail of the console log.

RUN_TIMEOUT=60
RUN_EXPECT_CPUS=""
RUN_EXPECT_EXIT=0
RUN_EXPECTS=()
RUN_LOG=""
RUN_QUIET=0
RUN_GDB=0
RUN_APPEND=""
RUN_CPUS=""
RUN_MEM=""
RUN_MODEL=""
RUN_IMAGE=""
RUN_NATIVE=0
RUN_EXPECT_PASS=""

run_usage_common() {
    cat <<'USAGE'
  --cpus N           number of CPUs of the emulated machine
  --mem SIZE         memory (QEMU syntax, e.g. 1G; Hercules: MiB)
  --timeout SEC      hard timeout (default 60); the emulator is killed after it
  --expect-cpus N    require N CPUs online and N-1 IPI answers
  --expect-exit N    required "[hv] EXIT status" (default 0)
  --expect REGEX     require a console line matching REGEX (repeatable)
  --log FILE         keep the console log here (default: a temporary file)
  --quiet            do not stream the console, print only the verdict
  --gdb              (QEMU) wait for gdb on :1234 before the first instruction
  --expect-pass N    require at least N guest "TEST ... PASS" lines (and no FAIL)
  --native           the image is a guest run without Tern (judged by "TESTS DONE")
USAGE
}

# Parses the common options; leaves the image in RUN_IMAGE.
run_parse() {
    while [ $# -gt 0 ]; do
        case "$1" in
            --cpus) RUN_CPUS=$2; shift 2 ;;
            --mem) RUN_MEM=$2; shift 2 ;;
            --cpu|--model) RUN_MODEL=$2; shift 2 ;;
            --timeout) RUN_TIMEOUT=$2; shift 2 ;;
            --expect-cpus) RUN_EXPECT_CPUS=$2; shift 2 ;;
            --expect-exit) RUN_EXPECT_EXIT=$2; shift 2 ;;
            --expect) RUN_EXPECTS+=("$2"); shift 2 ;;
            --log) RUN_LOG=$2; shift 2 ;;
            --append) RUN_APPEND=$2; shift 2 ;;
            --quiet) RUN_QUIET=1; shift ;;
            --gdb) RUN_GDB=1; shift ;;
            --native) RUN_NATIVE=1; shift ;;
            --expect-pass) RUN_EXPECT_PASS=$2; shift 2 ;;
            -h|--help) usage; exit 0 ;;
            -*) echo "$(basename "$0"): unknown option $1" >&2; usage >&2; exit 64 ;;
            *) RUN_IMAGE=$1; shift ;;
        esac
    done
    if [ -z "$RUN_IMAGE" ] || [ ! -f "$RUN_IMAGE" ]; then
        echo "$(basename "$0"): image '${RUN_IMAGE}' not found" >&2
        exit 64
    fi
    RUN_IMAGE=$(readlink -f "$RUN_IMAGE")
    if [ -z "$RUN_LOG" ]; then
        RUN_LOG=$(mktemp "${TMPDIR:-/tmp}/tern-console.XXXXXX")
    fi
    : > "$RUN_LOG"
}

now_ms() { date +%s%3N; }

# run_judge CONSOLE_LOG EMULATOR_RC EMULATOR_STATUS_MEANINGFUL(0/1) MACHINE WALL_MS
run_judge() {
    local log=$1 erc=$2 meaningful=$3 machine=$4 wall=$5
    local verdict=pass rc=0 why="" status=""

    status=$(sed -n 's/^.*\[hv\] EXIT status=\(-\{0,1\}[0-9][0-9]*\).*$/\1/p' "$log" | tail -1)
    if [ "$RUN_NATIVE" = 1 ]; then
        # A guest on its own: its SDK's summary line stands for the EXIT line.
        status=$(sed -n 's/^.*TESTS DONE pass=[0-9]* fail=\([0-9]*\).*$/\1/p' "$log" | tail -1)
        [ -n "$status" ] && [ "$status" != 0 ] && status=1
        meaningful=0
    fi
    if grep -q '\[hv\] PANIC' "$log"; then
        verdict=panic; rc=2; why=$(grep -m1 '\[hv\] PANIC' "$log")
    elif [ -z "$status" ]; then
        if [ "$erc" = 124 ] || [ "$erc" = 137 ]; then
            verdict=timeout; rc=124; why="no EXIT line within ${RUN_TIMEOUT}s"
        else
            verdict=no-exit; rc=3; why="emulator ended (rc $erc) without an EXIT line (or TESTS DONE, --native)"
        fi
    elif [ "$status" != "$RUN_EXPECT_EXIT" ]; then
        verdict=exit-status; rc=1; why="EXIT status=$status, expected $RUN_EXPECT_EXIT"
    elif [ "$meaningful" = 1 ] && [ "$erc" != "$status" ]; then
        verdict=emulator-rc; rc=1; why="emulator exit code $erc contradicts EXIT status=$status"
    fi
    if [ $rc -eq 0 ] && [ -n "$RUN_EXPECT_CPUS" ]; then
        local n=$RUN_EXPECT_CPUS sec=$((RUN_EXPECT_CPUS - 1)) up ans
        up=$(grep -E '^\[hv\] cpu [0-9]+ online' "$log" | sed -E 's/^\[hv\] cpu ([0-9]+) .*/\1/' | sort -u | wc -l)
        ans=$(grep -E '^\[hv\] cpu [0-9]+ answered the IPI' "$log" | sed -E 's/^\[hv\] cpu ([0-9]+) .*/\1/' | sort -u | wc -l)
        if ! grep -qx "\[hv\] smp: $n of $n cpus online" "$log" || [ "$up" -ne "$n" ]; then
            verdict=smp; rc=1; why="expected $n CPUs online, saw $up"
        elif ! grep -qx "\[hv\] smp: $sec of $sec secondary cpus answered an IPI" "$log" || [ "$ans" -ne "$sec" ]; then
            verdict=smp; rc=1; why="expected $sec IPI answers, saw $ans"
        fi
    fi
    if [ $rc -eq 0 ] && grep -qE 'TEST [A-Za-z0-9_.-]+ FAIL' "$log"; then
        verdict=test-fail; rc=1; why=$(grep -m1 -E 'TEST [A-Za-z0-9_.-]+ FAIL' "$log")
    fi
    if [ $rc -eq 0 ] && [ -n "$RUN_EXPECT_PASS" ]; then
        local np
        np=$(grep -cE 'TEST [A-Za-z0-9_.-]+ PASS' "$log")
        if [ "$np" -lt "$RUN_EXPECT_PASS" ]; then
            verdict=tests; rc=1; why="$np guest tests passed, expected at least $RUN_EXPECT_PASS"
        fi
    fi
    if [ $rc -eq 0 ]; then
        local re
        for re in "${RUN_EXPECTS[@]}"; do
            if ! grep -qE -- "$re" "$log"; then
                verdict=marker; rc=1; why="no console line matches /$re/"; break
            fi
        done
    fi
    if [ $rc -ne 0 ]; then
        echo "---- last 40 console lines ($log) ----"
        tail -n 40 "$log"
        echo "---- end of console ----"
        echo "run: FAIL: $why"
    fi
    echo "run: verdict=$verdict status=${status:-none} machine=$machine emulator-rc=$erc wall=${wall}ms log=$log"
    return $rc
}
