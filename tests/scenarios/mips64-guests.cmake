# mips64 guest scenarios (the guest SDK's; included by CMakeLists.txt here),
# each on QEMU loongson3-virt with both CPU models (3A4000, 3A1000):
#   scenario.mips64-native-G-MODEL  G-native.elf alone on the bare machine
#   scenario.mips64-guest-G-MODEL   G.elf as a Tern partition (trap-and-emulate)
#   scenario.mips64-diff-G-MODEL    both, compared by tools/difftest
#   scenario.mips64-pair-*          two partitions at once
# The test guests are tests/guests/mips64; the demo is guests/mips64/demo.

# The runner judges each run: any "TEST ... FAIL" line fails it (verdict
# test-fail), and so do fewer PASS lines than listed here (--expect-pass).
# Test guest -> PASS lines it must show as a partition on the 3A4000 and on
# the 3A1000 model (the difference: cpucfg.reduced_list is checked only where
# CPUCFG is emulated, i.e. Tern on the 3A1000). Suites ignored by the
# differential runs: hostile_te (addresses that are RAM natively but not the
# partition's: skipped natively), mmiodev (Tern's test device; natively
# QEMU's read-zero range, skipped: each mmiodev test compares the device
# with the CPU on RAM within the partition run instead) and, on the 3A1000,
# cpucfg.
set(_mips64_tests
  smoke:2:2
  cp0:18:18
  tlb:12:12
  exc:14:14
  timer:10:10
  loongson:6:7
  mmio:12:12
  user:8:8
  hostile:7:7
  cache:4:4)

# Partition scenarios that need what the T&E backend does not do yet, by
# test guest name (none now; -DTERN_MIPS64_GAPS="name;..." to leave some out).
if(DEFINED TERN_MIPS64_GAPS)
  set(_mips64_gaps ${TERN_MIPS64_GAPS})
else()
  set(_mips64_gaps)
endif()

foreach(entry IN LISTS _mips64_tests)
  string(REPLACE ":" ";" f ${entry})
  list(GET f 0 g)
  foreach(model 3A4000 3A1000)
    if(model STREQUAL "3A4000")
      list(GET f 1 k)
      set(ign --ignore hostile_te --ignore mmiodev)
    else()
      list(GET f 2 k)
      # CPUCFG: Reserved Instruction on the bare 3A1000, emulated under Tern.
      set(ign --ignore hostile_te --ignore mmiodev --ignore cpucfg)
    endif()
    tern_scenario(mips64-native-${g}-${model} 60
      ${T}/run-qemu-mips64 --native --cpu Loongson-${model} --cpus 1 --timeout 60
      --log ${LOGS}/mips64-native-${g}-${model}.log ${M}/${g}-native.elf)
    if(g IN_LIST _mips64_gaps)
      continue()
    endif()
    tern_scenario(mips64-guest-${g}-${model} 60
      ${T}/run-qemu-mips64 --cpu Loongson-${model} --cpus 2 --expect-pass ${k} --timeout 60
      --log ${LOGS}/mips64-guest-${g}-${model}.log ${M}/tern-mips64-${g}.elf)
    tern_scenario(mips64-diff-${g}-${model} 120
      ${CMAKE_CURRENT_LIST_DIR}/diff-mips64.sh --name ${g} --model Loongson-${model}
      --build ${M} --expect-pass ${k} --timeout 60 --logs ${LOGS} ${ign})
  endforeach()
endforeach()

# --- two partitions at once ----------------------------------------------
foreach(model 3A4000 3A1000)
  # p0 spins 6 s with interrupts off; p1 (the timer tests) must finish first.
  tern_scenario(mips64-pair-spin-${model} 90
    ${CMAKE_CURRENT_LIST_DIR}/pair-mips64.sh
    --first "^\\[p1\\] TESTS DONE pass=10 fail=0" --second "^\\[p0\\] TESTS DONE" --
    --cpu Loongson-${model} --cpus 2 --expect-pass 11 --timeout 90
    --log ${LOGS}/mips64-pair-spin-${model}.log ${M}/tern-mips64-pair-spin.elf)
  # p0 points its TLB at memory it does not own; p1 runs the TLB tests.
  tern_scenario(mips64-pair-hostile-${model} 60
    ${T}/run-qemu-mips64 --cpu Loongson-${model} --cpus 2 --expect-pass 19 --timeout 60
    --expect "^\\[p1\\] TESTS DONE pass=12 fail=0"
    --expect "^\\[p0\\] TESTS DONE pass=7 fail=0"
    --log ${LOGS}/mips64-pair-hostile-${model}.log ${M}/tern-mips64-pair-hostile.elf)
endforeach()

# --- a read-only slot (tests/guests/mips64/rom.c in sys-rom.c's partition:
# 64 MiB RAM and 1 MiB of ROM at guest-physical 64 MiB): the loader fills
# it, the guest reads and executes it through both windows, and every store
# form into it, through every way to address it and in delay slots, is
# dropped without an exception, misaligned ones too (an sd across the end
# of RAM stores its RAM half); RAM still takes the same stores. Partition
# only (without the slot the guest skips). ------------------------------
foreach(model 3A4000 3A1000)
  tern_scenario(mips64-guest-rom-${model} 60
    ${T}/run-qemu-mips64 --cpu Loongson-${model} --cpus 2 --expect-pass 14 --timeout 60
    --expect "^\\[hv\\] p0   slot 1: gpa 0000000004000000 -> hpa 00000000a4000000, 1024 KiB, read-only"
    --expect "^\\[p0\\] TESTS DONE pass=14 fail=0 skip=0"
    --expect "^\\[hv\\] p0 stopped: guest exit hypercall [(]status 0[)]"
    --log ${LOGS}/mips64-guest-rom-${model}.log ${M}/tern-mips64-rom.elf)
endforeach()

# --- the demo system (guests/mips64): both tickers tick and end cleanly, the
# SMP ring (4 vCPUs time-sliced on 2 CPUs) passes its token round -----------
tern_scenario(mips64-demo 60
  ${T}/run-qemu-mips64 --cpu Loongson-3A4000 --cpus 4 --timeout 60
  --expect "^\\[p0\\] demo-a: tick 5 of 5" --expect "^\\[p0\\] demo-a: done"
  --expect "^\\[p1\\] demo-b: tick 4 of 4" --expect "^\\[p1\\] demo-b: done"
  --expect "^\\[hv\\] p2 'p2-ring': 4 vcpu\\(s\\) time-sliced"
  --expect "^\\[p2\\] ring: 3 laps of 4 cpus by IPI"
  --expect "^\\[hv\\] p2 stopped: guest exit hypercall \\(status 0\\)"
  --log ${LOGS}/mips64-demo.log ${M}/tern-mips64-demo.elf)

# --- SMP guests (tests/guests/mips64/smp.c, starve.c, ipihostile.c) --------
# The SDK's tg_smp.h: CPUs started through the IPI mailbox, IPI ping-pong
# across every pair. Judged by the TEST lines (--expect-pass, any FAIL) and
# the partitions' summary lines; every guest wait is bounded by Count.
# smp natively on QEMU -smp 4 (its -kernel entry is CPU 3, the IPI slots
# reversed) and as 4 vCPUs pinned on 4 CPUs.
tern_scenario(mips64-native-smp4 60
  ${T}/run-qemu-mips64 --native --cpu Loongson-3A4000 --cpus 4 --append cpus=4 --timeout 60
  --expect-pass 7 --expect "^TESTS DONE pass=7 fail=0" --expect "^smp: 6 of 6 pairs answered"
  --log ${LOGS}/mips64-native-smp4.log ${M}/smp-native.elf)
tern_scenario(mips64-smp-pinned4 60
  ${T}/run-qemu-mips64 --cpu Loongson-3A4000 --cpus 4 --timeout 60 --expect-pass 7
  --expect "^\\[p0\\] TESTS DONE pass=7 fail=0" --expect "^\\[p0\\] smp: 6 of 6 pairs answered"
  --log ${LOGS}/mips64-smp-pinned4.log ${M}/tern-mips64-smp-pinned4.elf)
# 16 vCPUs time-sliced on 4 CPUs: all start, 120 pairs.
tern_scenario(mips64-smp-slice16 60
  ${T}/run-qemu-mips64 --cpu Loongson-3A4000 --cpus 4 --timeout 60 --expect-pass 7
  --expect "^\\[p0\\] TESTS DONE pass=7 fail=0" --expect "^\\[p0\\] smp: 16 of 16 cpus up"
  --expect "^\\[p0\\] smp: 120 of 120 pairs answered"
  --log ${LOGS}/mips64-smp-slice16.log ${M}/tern-mips64-smp-slice16.elf)
# Two SMP partitions at once: 2 vCPUs pinned (CPUs 0-1), 6 time-sliced (CPUs 2-3).
tern_scenario(mips64-smp-two 60
  ${T}/run-qemu-mips64 --cpu Loongson-3A4000 --cpus 4 --timeout 60 --expect-pass 14
  --expect "^\\[p0\\] TESTS DONE pass=7 fail=0" --expect "^\\[p0\\] smp: 1 of 1 pairs answered"
  --expect "^\\[p1\\] TESTS DONE pass=7 fail=0" --expect "^\\[p1\\] smp: 15 of 15 pairs answered"
  --log ${LOGS}/mips64-smp-two.log ${M}/tern-mips64-smp-two.elf)
# Starvation: 4 vCPUs time-sliced (50 ms) on one CPU, vCPU 1 spinning with
# interrupts off; the workers must run within 1.5 slices of being due and
# finish, and vCPU 0 ends the partition while the spinner spins.
tern_scenario(mips64-smp-starve 60
  ${T}/run-qemu-mips64 --cpu Loongson-3A4000 --cpus 2 --timeout 60 --expect-pass 4
  --expect "^\\[p0\\] TESTS DONE pass=4 fail=0" --expect "^\\[p0\\] starve: 2 of 2 workers did 10 rounds"
  --log ${LOGS}/mips64-smp-starve.log ${M}/tern-mips64-smp-starve.elf)
# Hostile mailbox accesses (p0, partition only) beside the smp guest (p1):
# Tern and p1 carry on, p0 goes on to its last test.
tern_scenario(mips64-smp-hostile 60
  ${T}/run-qemu-mips64 --cpu Loongson-3A4000 --cpus 4 --timeout 60 --expect-pass 18
  --expect "^\\[p0\\] TESTS DONE pass=11 fail=0" --expect "^\\[p1\\] TESTS DONE pass=7 fail=0"
  --expect "^\\[hv\\] p0 stopped: guest exit hypercall [(]status 0[)]"
  --log ${LOGS}/mips64-smp-hostile.log ${M}/tern-mips64-smp-hostile.elf)
