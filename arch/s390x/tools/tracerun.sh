#!/usr/bin/env bash
# Run a Tern image with trace windows on Hercules and count them, without
# keeping the trace: a window of a few hundred intercepts is tens of MB of
# trace, more than tools/run-hercules keeps (20 MB).
#   arch/s390x/tools/tracerun.sh [--cpus N] [--timeout S] [--console FILE]
#                                IMAGE.ins [tracecount options...]
# The configuration is tools/run-hercules' (DIAG8CMD enabled, which the
# trace windows need); Hercules' output streams into tracecount.sh; the
# console lines ("[hv]", "[pN]") go to FILE (default IMAGE.trace.log).
set -u
here=$(dirname "$(readlink -f "$0")")
cpus=1 timeout=600 console=""
while [ $# -gt 0 ]; do
    case "$1" in
        --cpus) cpus=$2; shift 2 ;;
        --timeout) timeout=$2; shift 2 ;;
        --console) console=$2; shift 2 ;;
        *) break ;;
    esac
done
[ $# -ge 1 ] || { sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 64; }
ins=$(readlink -f "$1"); shift
[ -r "$ins" ] || { echo "tracerun: cannot read $1" >&2; exit 66; }
[ -n "$console" ] || console=${ins%.ins}.trace.log
dir=$(mktemp -d "${TMPDIR:-/tmp}/tern-trace.XXXXXX")
trap 'rm -rf "$dir"' EXIT
cat > "$dir/hercules.cnf" <<CNF
ARCHMODE   z/Arch
MAINSIZE   128
NUMCPU     $cpus
MAXCPU     $cpus
CPUSERIAL  000001
CPUMODEL   2064
DIAG8CMD   ENABLE
CODEPAGE   819/1047
OSTAILOR   QUIET
PANRATE    SLOW
0009       3215-C  / noprompt
CNF
printf 'hao tgt HHCCP011I\nhao cmd quit\nhao tgt HHCCP016I\nhao cmd quit\nipl %s\n' "$ins" > "$dir/hercules.rc"
raw=${TRACERUN_RAW:-/dev/null} # TRACERUN_RAW=FILE keeps the first 200 MB of the log
(cd "$dir" && HERCULES_RC="$dir/hercules.rc" timeout -k 5 "$timeout" \
    hercules -f "$dir/hercules.cnf" -d </dev/null 2>&1) |
    tee >(grep -aE '^\[(hv|p[0-9]+)\]' > "$console") >(head -c 200000000 > "$raw") |
    "$here/tracecount.sh" "$@" -
