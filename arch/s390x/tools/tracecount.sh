#!/usr/bin/env bash
# Host path lengths from Hercules' instruction trace, window by window.
#   arch/s390x/tools/tracecount.sh [--elf TERN.elf [--fn FUNCTION]...] [--cpu N] LOG|-
# (arch/s390x/tools/tracerun.sh runs an image and pipes Hercules into this.)
#
# A window is what Tern traces for a partition with the feature
# S390_FEAT_TRACE between its DIAG 0x44 with R1 = "TRON" (0x54524f4e) and
# its DIAG 0x44 with R1 = "TROF" (0x54524f46): Tern prints
# "[hv] pN trace: window on (vcpu V)" and issues the panel command "t+" by
# DIAG 8, and at the end "t-" and "... window off". For each window this
# prints the host instructions traced, the SIE entries and their ratio,
# the host instructions per intercept round trip. With --elf and --fn the
# round trips (the host instructions from the end of one SIE to the start
# of the next) that went through FUNCTION's first instruction are counted
# apart: --fn emulate_diag for DIAG intercepts, --fn emulate_servc for
# SCLP calls, --fn inject_ext for round trips that present an external
# interruption. A round trip through several is counted under each.
#
# Hercules 3.13's trace (t+), as observed:
#   HHCPN040I Instruction tracing on
#   PSW=00002001 80000000 0000000000016696 INST=B214E000     SIE   0(14)   start_interpretive_execution
#   R:000000000003A0E0:K:06=00000000 ...       (a storage operand, if any)
#   R0=... R1=... R2=... R3=...                (4 register lines; GR00= in ESA/390)
#   SIE: PSW=00000001 80000000 0000000000011050 INST=83100044     DIAG  1,0,68(0)   diagnose
#   HHCCP024I External interrupt: Clock comparator
#   HHCPN040I Instruction tracing off
# * One "PSW=" line per instruction, before it executes; with NUMCPU > 1
#   prefixed "CPU000n:  " (--cpu N keeps CPU N's only: "t+" traces every CPU).
# * Guest instructions under SIE are traced too, prefixed "SIE: " (host
#   lines have none); the address is guest logical.
# * Tracing is a pending host "interruption" to Hercules: a traced SIE runs
#   at most about one guest instruction and then ends with no interception
#   code, so a traced guest costs a round trip per instruction. Tern
#   therefore switches the trace off before each SIE and on after it while
#   a window is open (sie_entry.S): a window holds host instructions only,
#   and each "tracing off" / "tracing on" pair in it is one SIE entry. Not
#   traced per round trip: lmg, stosm, SIE, stnsm, lg, stmg, lghi, ltg, jz
#   (9, all on the untraced path too); traced but not on the untraced
#   path: larl, lghi, DIAG 8 of the "t-" and the lgr after the "t+" (4). An
#   untraced round trip is therefore 5 instructions longer than counted.
#   A SIE in the trace (a window without the switching) counts as an entry
#   too.
# * Interruptions the host takes show as HHCCP0xxI lines (not counted).
set -u
elf="" cpu="" fns=()
while [ $# -gt 0 ]; do
    case "$1" in
        --elf) elf=$2; shift 2 ;;
        --fn) fns+=("$2"); shift 2 ;;
        --cpu) cpu=$2; shift 2 ;;
        -h|--help) sed -n '2,44p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        -) break ;;
        -*) echo "tracecount: unknown option $1" >&2; exit 64 ;;
        *) break ;;
    esac
done
[ $# -eq 1 ] || { echo "usage: tracecount.sh [--elf ELF [--fn F]...] [--cpu N] LOG|-" >&2; exit 64; }
log=$1
[ "$log" = - ] || [ -r "$log" ] || { echo "tracecount: cannot read $log" >&2; exit 66; }
addrs=""
if [ ${#fns[@]} -gt 0 ]; then
    [ -n "$elf" ] || { echo "tracecount: --fn needs --elf" >&2; exit 64; }
    nm=s390x-linux-gnu-nm
    command -v "$nm" >/dev/null || nm=nm
    for f in "${fns[@]}"; do
        a=$("$nm" "$elf" | awk -v f="$f" '$3 == f { print $1; exit }')
        [ -n "$a" ] || { echo "tracecount: no symbol $f in $elf" >&2; exit 65; }
        addrs="$addrs $f=$(printf '%016X' "0x$a")"
    done
fi
want=""
[ -n "$cpu" ] && want=$(printf 'CPU%04X' "$cpu")
cat -- "$log" | tr -d '\r' | awk -v fnaddrs="$addrs" -v want="$want" '
# A round trip: the host instructions from the end of one SIE to the start
# of the next. The stretch before the first SIE of a window and the one
# after the last are partial: they count as host instructions only.
function end_trip(complete,   i, matched) {
    matched = 0
    for (i = 1; i <= nfn; i++) {
        if (complete && trip_hit[i]) { cnt[i]++; sum[i] += trip_len; matched = 1 }
        trip_hit[i] = 0
    }
    if (complete && !matched) { ocnt++; osum += trip_len }
    trip_len = 0
}
function report(   i) {
    printf "window %d%s: %d host instructions, %d SIE entries, %d guest instructions", w, label, host, sie, guest
    if (sie) printf "; %.1f host instructions per SIE entry", host / sie
    printf "\n"
    for (i = 1; i <= nfn; i++)
        if (cnt[i]) printf "  round trips through %s: %d, %.1f host instructions each\n", fname[i], cnt[i], sum[i] / cnt[i]
        else printf "  round trips through %s: 0\n", fname[i]
    if (nfn) {
        if (ocnt) printf "  other round trips: %d, %.1f host instructions each\n", ocnt, osum / ocnt
        else printf "  other round trips: 0\n"
    }
}
BEGIN {
    nfn = split(fnaddrs, pairs, " ")
    for (i = 1; i <= nfn; i++) { split(pairs[i], kv, "="); fname[i] = kv[1]; faddr[i] = kv[2] }
    win = 0; w = 0
}
/^\[hv\] p[0-9]+ trace: window on/ {
    sub(/^\[hv\] /, ""); sub(/ trace: window on \(/, " "); sub(/\)$/, "")
    win = 1; w++; label = " (" $0 ")"
    host = sie = guest = 0; ocnt = osum = 0; trip_len = 0; started = 0; off_pending = 0
    for (i = 1; i <= nfn; i++) { cnt[i] = sum[i] = 0; trip_hit[i] = 0 }
    next
}
/^\[hv\] p[0-9]+ trace: window off/ { if (win) { end_trip(0); report() } win = 0; next }
!win { next }
# Tern switches the trace off before each SIE and on after it (sie_entry.S):
# an "off" followed by an "on" inside a window is one SIE entry. The last
# "off" is the one that closes the window.
/HHCPN040I Instruction tracing off/ { off_pending = 1; next }
/HHCPN040I Instruction tracing on/ {
    if (off_pending) { sie++; end_trip(started); started = 1; off_pending = 0 }
    next
}
/^(SIE: )?(CPU[0-9A-F]+: +)?PSW=/ {
    line = $0
    is_guest = sub(/^SIE: /, "", line)
    c = ""
    if (match(line, /^CPU[0-9A-F]+:/)) c = substr(line, 1, RLENGTH - 1)
    if (want != "" && c != want) next
    if (is_guest) { guest++; next }
    host++
    n = split(line, f, " ")
    addr = ""; inst = ""
    for (i = 1; i <= n; i++) if (f[i] ~ /^INST=/) { inst = substr(f[i], 6); addr = f[i - 1]; break }
    trip_len++
    if (inst ~ /^B214/) {
        # A traced SIE (a trace without the switching): it ends the trip.
        sie++
        end_trip(started)
        started = 1
        next
    }
    a = sprintf("%16s", toupper(addr)); gsub(/ /, "0", a)
    for (i = 1; i <= nfn; i++) if (a == faddr[i]) trip_hit[i] = 1
}
END { if (win) { end_trip(0); report(); print "tracecount: the last window was not closed (log cut?)" > "/dev/stderr" } }
'
