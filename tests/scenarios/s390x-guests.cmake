# s390x guest scenarios (the guest SDK's; included by CMakeLists.txt here).
#   scenario.s390x-native-*   each test guest alone on QEMU (-kernel, TCG)
#   scenario.s390x-guest-*    the guests as Tern partitions on Hercules (SIE)
#   scenario.s390x-diff-*     the same ELF natively and as a partition,
#                             compared by tools/difftest
# The partition scenarios need the SIE backend: they are registered once
# arch/s390x/arch.cmake no longer builds the no-backend placeholder
# (guest_none.c), or with -DTERN_S390X_PARTITIONS=ON/OFF.
set(_sc ${CMAKE_CURRENT_LIST_DIR})
file(READ ${CMAKE_SOURCE_DIR}/arch/s390x/arch.cmake _s390x_arch)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
  ${CMAKE_SOURCE_DIR}/arch/s390x/arch.cmake)
if(DEFINED TERN_S390X_PARTITIONS)
  set(_s390x_partitions ${TERN_S390X_PARTITIONS})
elseif(_s390x_arch MATCHES "guest_none\\.c")
  set(_s390x_partitions OFF)
else()
  set(_s390x_partitions ON)
endif()

# --- natively on QEMU: the guests themselves must pass -----------------------
# s390x_native(NAME CPUS APPEND): guest-NAME.elf with -m 32M.
function(s390x_native name cpus append)
  set(extra)
  if(append)
    set(extra --append ${append})
  endif()
  tern_scenario(s390x-native-${name} 60
    ${T}/run-qemu-s390x --native --cpus ${cpus} --mem 32M --timeout 60 ${extra}
    --log ${LOGS}/s390x-native-${name}.log ${S}/guest-${name}.elf)
endfunction()

s390x_native(console 1 "greeting=hello-tern")
s390x_native(stsi 2 "cpus=2")
s390x_native(sclp_info 2 "cpus=2 mem=32")
s390x_native(timers 1 "")
s390x_native(smp 2 "cpus=2")
s390x_native(pgm 1 "")
s390x_native(diag318 1 "diag318=0")
s390x_native(diag308 1 "")
s390x_native(hostile 1 "")
s390x_native(addressing 1 "")
s390x_native(worker 1 "steps=10 step_ms=50")
s390x_native(spinner 1 "spin_loops=100")
s390x_native(memmap 1 "mem=32")
s390x_native(sigp 2 "cpus=2")
s390x_native(trace 1 "")
s390x_native(ipi 4 "cpus=4 rounds=2")
s390x_native(starve 3 "cpus=3 spin=1 turns=5")
# 16 CPUs natively: the reference for scenario.s390x-guest-ipi16 (Hercules
# 3.13 takes at most 8 CPUs, so there is no diff for it).
tern_scenario(s390x-native-ipi16 60
  ${T}/run-qemu-s390x --native --cpus 16 --mem 32M --timeout 60 --append "cpus=16"
  --log ${LOGS}/s390x-native-ipi16.log ${S}/guest-ipi.elf)
# DIAG 0x288 needs QEMU's diag288 device; inject-nmi is its restart action.
tern_scenario(s390x-native-wdt 60
  env "TERN_QEMU_EXTRA=-device diag288"
  ${T}/run-qemu-s390x --native --cpus 1 --mem 32M --timeout 60
  --log ${LOGS}/s390x-native-wdt.log ${S}/guest-wdt.elf)
tern_scenario(s390x-native-wdt-restart 90
  env "TERN_QEMU_EXTRA=-device diag288 -action watchdog=inject-nmi"
  ${T}/run-qemu-s390x --native --cpus 1 --mem 32M --timeout 90 --append expire=restart
  --log ${LOGS}/s390x-native-wdt-restart.log ${S}/guest-wdt.elf)

if(NOT _s390x_partitions)
  return()
endif()

# Partition scenarios that need what the SIE backend does not offer yet,
# by system-name prefix (-DTERN_S390X_GAPS="" registers them anyway). None
# at present; "spin" was one until the backend bounded a vCPU's stint in SIE
# (Hercules' watchdog check-stopped a CPU whose guest spun 20-40 s without
# an exit; arch/s390x/sie.c, SLICE_TICKS).
if(DEFINED TERN_S390X_GAPS)
  set(_s390x_gaps ${TERN_S390X_GAPS})
else()
  set(_s390x_gaps)
endif()
function(_s390x_gap sys out)
  set(${out} OFF PARENT_SCOPE)
  foreach(g IN LISTS _s390x_gaps)
    string(FIND "${sys}" "${g}" pos)
    if(pos EQUAL 0)
      set(${out} ON PARENT_SCOPE)
    endif()
  endforeach()
endfunction()

# The demo system: two partitions, progress on a timer tick, a clean end.
tern_scenario(s390x-demo 120
  ${T}/run-hercules --cpus 2 --timeout 120 --log ${LOGS}/s390x-demo.log
  --expect "^\\[p0\\] alpha: tick 5 of 5" --expect "^\\[p0\\] alpha: done$"
  --expect "^\\[p1\\] beta: tick 7 of 7" --expect "^\\[p1\\] beta: done$"
  ${S}/tern-s390x-demo.ins)

# --- as partitions on Hercules ---------------------------------------------------
# s390x_partition(SYSTEM CPUS EXPECT_PASS [run-hercules options...])
function(s390x_partition sys cpus npass)
  _s390x_gap(${sys} gap)
  if(gap)
    return()
  endif()
  tern_scenario(s390x-guest-${sys} 120
    ${T}/run-hercules --cpus ${cpus} --expect-pass ${npass} --timeout 120 ${ARGN}
    --log ${LOGS}/s390x-guest-${sys}.log ${S}/tern-s390x-g-${sys}.ins)
endfunction()

s390x_partition(console 1 7 --expect "^\\[p0\\] console: hello from an s390x guest$")
s390x_partition(stsi 2 16 --expect "^\\[p0\\] TEST stsi_id.host_tern PASS$")
s390x_partition(sclp_info 2 9)
s390x_partition(timers 1 15)
s390x_partition(smp 2 21)
s390x_partition(sigp 2 31)
s390x_partition(pgm 1 9)
s390x_partition(diag318-off 1 4)
s390x_partition(diag318-on 1 4 --expect "^\\[hv\\] p0 .*cpnc=0x7e")
s390x_partition(diag308 1 13)
s390x_partition(wdt 1 11)
s390x_partition(wdt-restart 1 15 --expect "^\\[hv\\] p0 DIAG 288 watchdog expired: restart interruption to vcpu 0$")
# The default action: reset and re-IPL; the IPL parameter block marks the first boot.
s390x_partition(wdt-reset 1 4 --expect "^\\[hv\\] p0 DIAG 288 watchdog expired: resetting the partition$"
  --expect "^\\[p0\\] TEST wdt.reset_action PASS$")
# Two boots (the IPL parameter block marks the first), then a clean end.
s390x_partition(diag308-reipl 1 15
  --expect "^\\[p0\\] diag308: re-IPL" --expect "^\\[p0\\] TEST diag308.reipl PASS$")
s390x_partition(hostile 1 20)
s390x_partition(addressing 1 8)
# Two partitions: the attacker's addressing exceptions, the worker intact.
s390x_partition(isolation 2 11
  --expect "^\\[p0\\] TESTS DONE pass=8 fail=0" --expect "^\\[p1\\] TESTS DONE pass=3 fail=0")
s390x_partition(memmap 1 8)
# Two memory slots with a hole (16-32 MiB) beside a worker partition: TPROT,
# loads, stores and the key instructions in the hole are addressing
# exceptions, the storage on both sides keeps what was written, and the
# worker finishes.
s390x_partition(memmap-gap 2 13
  --expect "^\\[p0\\] TESTS DONE pass=10 fail=0" --expect "^\\[p1\\] TESTS DONE pass=3 fail=0")
# A read-only slot: the loader fills it, the guest reads and executes it,
# stores into it (by the CPU under SIE, and by emulated STSI) are
# protection exceptions that leave it unchanged, TPROT says fetch-only.
s390x_partition(rom 1 13)
# Path lengths by trace windows (S390_FEAT_TRACE): an empty window, 100
# DIAG 0x44 and 20 console lines, counted by arch/s390x/tools/tracecount.sh
# from Hercules' trace as tracerun.sh streams it (too big for run-hercules).
set(_tt ${CMAKE_SOURCE_DIR}/arch/s390x/tools)
set(_tc ${LOGS}/s390x-trace-count)
tern_scenario(s390x-trace-count 300
  bash -c "${_tt}/tracerun.sh --timeout 240 --console ${_tc}.log ${S}/tern-s390x-g-trace.ins --elf ${S}/tern-s390x-g-trace.elf --fn emulate_diag --fn emulate_servc --fn inject_ext > ${_tc}.out && cat ${_tc}.out && grep -q 'through emulate_diag: 100,' ${_tc}.out && grep -q 'through emulate_servc: 20,' ${_tc}.out && grep -q 'TESTS DONE pass=1 fail=0' ${_tc}.log")
# Three partitions, four vCPUs at once.
s390x_partition(mix 4 56)
# A spinner with interrupts off beside a worker: the worker finishes while
# the spinner still spins, and the spinner's bounded loop ends the run.
_s390x_gap(spin _spin_gap)
if(NOT _spin_gap)
tern_scenario(s390x-guest-spin 120
  bash -c "${T}/run-hercules --cpus 2 --expect-pass 4 --timeout 120 --log ${LOGS}/s390x-guest-spin.log ${S}/tern-s390x-g-spin.ins && ${_sc}/order-s390x.sh ${LOGS}/s390x-guest-spin.log '^\\[p0\\] spinner: start' '^\\[p1\\] TESTS DONE pass=3 fail=0' '^\\[p0\\] spinner: done'")
endif()

# --- differential: native QEMU vs partition on Hercules -------------------------
# s390x_diff(NAME GUEST SYSTEM CPUS APPEND [--ignore SUITE]...)
function(s390x_diff name guest sys cpus append)
  _s390x_gap(${sys} gap)
  if(gap)
    return()
  endif()
  set(extra)
  if(append)
    set(extra --append ${append})
  endif()
  tern_scenario(s390x-diff-${name} 240
    ${_sc}/diff-s390x.sh --name s390x-diff-${name} --elf ${S}/guest-${guest}.elf
    --ins ${S}/tern-s390x-g-${sys}.ins --cpus ${cpus} --mem 32M ${extra}
    --timeout 120 --logs ${LOGS} ${ARGN})
endfunction()

s390x_diff(console console console 1 "greeting=hello-tern")
# The identity (manufacturer, control program) differs by design.
s390x_diff(stsi stsi stsi 2 "cpus=2" --ignore stsi_id)
s390x_diff(sclp_info sclp_info sclp_info 2 "cpus=2 mem=32")
s390x_diff(timers timers timers 1 "")
s390x_diff(smp smp smp 2 "cpus=2")
# Storing status beyond storage is refused under Tern, accepted by QEMU TCG.
s390x_diff(sigp sigp sigp 2 "cpus=2" --ignore sigp_tern)
s390x_diff(pgm pgm pgm 1 "")
# DIAG 318 off on both (QEMU TCG cannot offer it); "on" is Tern-only above.
s390x_diff(diag318 diag318 diag318-off 1 "diag318=0")
s390x_diff(diag308 diag308 diag308 1 "")
s390x_diff(hostile hostile hostile 1 "")
s390x_diff(addressing addressing addressing 1 "")
s390x_diff(memmap memmap memmap 1 "mem=32")
# DIAG 0x288 natively needs QEMU's diag288 device (and inject-nmi for the
# restart action); diff-s390x.sh passes TERN_QEMU_EXTRA on to QEMU's runner.
function(s390x_diff_env name guest sys cpus append extra)
  _s390x_gap(${sys} gap)
  if(gap)
    return()
  endif()
  set(app)
  if(append)
    set(app --append ${append})
  endif()
  tern_scenario(s390x-diff-${name} 240
    env "TERN_QEMU_EXTRA=${extra}"
    ${_sc}/diff-s390x.sh --name s390x-diff-${name} --elf ${S}/guest-${guest}.elf
    --ins ${S}/tern-s390x-g-${sys}.ins --cpus ${cpus} --mem 32M ${app}
    --timeout 120 --logs ${LOGS} ${ARGN})
endfunction()
s390x_diff_env(wdt wdt wdt 1 "" "-device diag288")
s390x_diff_env(wdt-restart wdt wdt-restart 1 "expire=restart" "-device diag288 -action watchdog=inject-nmi")

# --- SMP partitions and the scheduler ----------------------------------------
# ipi.c: SIGP bring-up of every vCPU and an external-call / emergency-signal
# ping-pong over every pair (2n + 6 TEST lines for n vCPUs); starve.c: a vCPU
# spinning with interruptions off among time-sliced workers. Each run takes
# well under a second; the 60 s limits are for hangs (the guests' own TOD
# deadlines end a lost signal as a FAIL long before).
# s390x_smp(SYSTEM HERCULES_CPUS [run-hercules options...])
function(s390x_smp sys cpus)
  _s390x_gap(${sys} gap)
  if(gap)
    return()
  endif()
  tern_scenario(s390x-guest-${sys} 60
    ${T}/run-hercules --cpus ${cpus} --timeout 60 ${ARGN}
    --log ${LOGS}/s390x-guest-${sys}.log ${S}/tern-s390x-g-${sys}.ins)
endfunction()

# a. Pinned: 4 vCPUs on Hercules' 4 CPUs, 2 round trips per pair (both
#    directions); and the same ELF natively on QEMU, compared.
s390x_smp(ipi4 4 --expect-pass 14
  --expect "^\\[hv\\] p0 'p0-guest-ipi': 4 vcpu\\(s\\) on cpu mask 0xf,"
  --expect "^\\[p0\\] ipi: 4 cpus, 12 of 12 round trips, 0 timed out,"
  --expect "^\\[p0\\] TESTS DONE pass=14 fail=0 skip=0$")
s390x_diff(ipi ipi ipi4 4 "cpus=4 rounds=2")
# b. 16 vCPUs time-sliced (5 ms) on 4 CPUs: all started with SIGP, the 120
#    pairs, all-to-all emergency signals.
s390x_smp(ipi16 4 --expect-pass 38
  --expect "^\\[hv\\] p0 'p0-guest-ipi': 16 vcpu\\(s\\) time-sliced \\(5000 us\\) on cpu mask 0xf,"
  --expect "^\\[p0\\] ipi: 16 cpus, 120 of 120 round trips, 0 timed out,"
  --expect "^\\[p0\\] TESTS DONE pass=38 fail=0 skip=0$")
# c. Two SMP partitions at once: p0 pinned (2 vCPUs on CPUs 0-1), p1
#    time-sliced (6 vCPUs on CPUs 2-3), 2 round trips per pair in each.
s390x_smp(ipi-pair 4 --expect-pass 28
  --expect "^\\[hv\\] p0 'p0-guest-ipi': 2 vcpu\\(s\\) on cpu mask 0x3,"
  --expect "^\\[hv\\] p1 'p1-guest-ipi': 6 vcpu\\(s\\) time-sliced \\(5000 us\\) on cpu mask 0xc,"
  --expect "^\\[p0\\] ipi: 2 cpus, 2 of 2 round trips, 0 timed out,"
  --expect "^\\[p1\\] ipi: 6 cpus, 30 of 30 round trips, 0 timed out,"
  --expect "^\\[p0\\] TESTS DONE pass=10 fail=0 skip=0$"
  --expect "^\\[p1\\] TESTS DONE pass=18 fail=0 skip=0$")
# d. Starvation: 3 vCPUs time-sliced (10 ms) on one CPU, vCPU 1 spinning
#    with interruptions off for ever; the workers (0 and 2) must get the CPU
#    back after the others had a slice each (starve.c says how that is
#    measured), finish, and the partition ends when they are done (CPU 0
#    stops the spinner). Then DIAG 0x44 must hand the CPU to the next vCPU.
#    A worker's CPU timer counts its own turns, not the others'.
#    Timing-sensitive: it runs alone (RUN_SERIAL), and the raw TOD wait
#    allows for the emulator's own pauses.
s390x_smp(starve 1 --expect-pass 16
  --expect "^\\[hv\\] p0 'p0-guest-starve': 3 vcpu\\(s\\) time-sliced \\(10000 us\\) on cpu mask 0x1,"
  --expect "^\\[p0\\] TEST starve.cpu_timer_2 PASS$"
  --expect "^\\[p0\\] TEST starve.round_robin PASS$"
  --expect "^\\[p0\\] TEST starve.yield PASS$"
  --expect "^\\[p0\\] TESTS DONE pass=16 fail=0 skip=0$"
  --expect "^\\[hv\\] p0 stopped: every cpu stopped \\(status 0\\)$")
if(TEST scenario.s390x-guest-starve)
  set_tests_properties(scenario.s390x-guest-starve PROPERTIES RUN_SERIAL TRUE)
endif()
