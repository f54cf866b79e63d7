#!/usr/bin/env bash
# Line order in a scenario log: each REGEX must match a line, and in the
# order given (first match of each after the previous one).
#   order-s390x.sh LOG REGEX...
set -u
log=$1; shift
[ -f "$log" ] || { echo "order-s390x: no log $log"; exit 1; }
prev=0
for re in "$@"; do
    n=$(grep -nE -- "$re" "$log" | awk -F: -v p="$prev" '$1 > p { print $1; exit }')
    if [ -z "$n" ]; then
        echo "order-s390x: no line matching /$re/ after line $prev of $log"
        exit 1
    fi
    prev=$n
done
echo "order-s390x: $# lines in the expected order"
