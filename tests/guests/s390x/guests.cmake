# Tern s390x test guests: each ELF runs natively under QEMU -kernel and as
# a partition (the tern-s390x-g-*.ins systems below) on Hercules; the
# scenarios are in tests/scenarios/s390x-guests.cmake. The command lines
# tell a guest what the machine is meant to look like (cpus=, mem= in MiB,
# diag318=, reipl=), so the native run and the partition check the same.
set(_tg ${CMAKE_SOURCE_DIR}/tests/guests/s390x)

foreach(g console stsi sclp_info timers smp sigp wdt trace pgm diag318 diag308 hostile addressing worker spinner memmap ipi starve)
  tern_guest(guest-${g} SOURCES ${_tg}/${g}.c)
endforeach()

# One partition each (32 MiB: the native runs use -m 32M too).
s390x_guest_system(s390x-g-console --mem 32M --append "greeting=hello-tern" --guest guest-console.elf)
s390x_guest_system(s390x-g-stsi --mem 32M --cpus 2 --append "cpus=2" --guest guest-stsi.elf)
s390x_guest_system(s390x-g-sclp_info --mem 32M --cpus 2 --append "cpus=2 mem=32" --guest guest-sclp_info.elf)
s390x_guest_system(s390x-g-timers --mem 32M --guest guest-timers.elf)
s390x_guest_system(s390x-g-smp --mem 32M --cpus 2 --append "cpus=2" --guest guest-smp.elf)
s390x_guest_system(s390x-g-sigp --mem 32M --cpus 2 --append "cpus=2" --guest guest-sigp.elf)
s390x_guest_system(s390x-g-pgm --mem 32M --guest guest-pgm.elf)
s390x_guest_system(s390x-g-diag318-off --mem 32M --append "diag318=0" --guest guest-diag318.elf)
s390x_guest_system(s390x-g-diag318-on --mem 32M --features 0x1 --append "diag318=1" --guest guest-diag318.elf)
s390x_guest_system(s390x-g-diag308 --mem 32M --guest guest-diag308.elf)
# DIAG 0x288: the rules; an expiry with the restart action (feature
# S390_FEAT_WDT_RESTART, 0x2); an expiry with the default action (re-IPL).
s390x_guest_system(s390x-g-wdt --mem 32M --guest guest-wdt.elf)
# Trace windows (S390_FEAT_TRACE, 0x8) for arch/s390x/tools/tracecount.sh.
s390x_guest_system(s390x-g-trace --mem 32M --features 0x8 --guest guest-trace.elf)
s390x_guest_system(s390x-g-wdt-restart --mem 32M --features 0x2 --append "expire=restart" --guest guest-wdt.elf)
s390x_guest_system(s390x-g-wdt-reset --mem 32M --append "expire=reset" --guest guest-wdt.elf)
s390x_guest_system(s390x-g-diag308-reipl --mem 32M --append "reipl=1" --guest guest-diag308.elf)
s390x_guest_system(s390x-g-hostile --mem 32M --guest guest-hostile.elf)
s390x_guest_system(s390x-g-addressing --mem 32M --guest guest-addressing.elf)
s390x_guest_system(s390x-g-memmap --mem 32M --append "mem=32" --guest guest-memmap.elf)

# Two partitions at once. The attacker's memory ends where the worker's
# begins on the host (mkconfig places partitions one after the other).
s390x_guest_system(s390x-g-isolation --mem 32M --guest guest-addressing.elf
  --append "steps=10 step_ms=50" --guest guest-worker.elf)
# A guest spinning with interrupts off beside one that makes timed progress.
s390x_guest_system(s390x-g-spin --mem 32M --append "spin_loops=2000" --guest guest-spinner.elf
  --append "steps=10 step_ms=50" --guest guest-worker.elf)
# Three partitions, four vCPUs: SMP ping-pong, timers and hostile input together.
s390x_guest_system(s390x-g-mix --mem 32M --cpus 2 --append "cpus=2" --guest guest-smp.elf
  --cpus 1 --append "mix=1" --guest guest-timers.elf --guest guest-hostile.elf)

# A partition with two memory slots and a hole between them, beside another
# partition: a hand-written config (mkconfig gives one slot a partition).
tern_image(s390x-g-memmap-gap ${_tg}/sys-memmap-gap.c
  DEPENDS ${CMAKE_BINARY_DIR}/guest-memmap.elf ${CMAKE_BINARY_DIR}/guest-worker.elf)
add_dependencies(tern-s390x-g-memmap-gap.elf guest-memmap.elf guest-worker.elf)

# A read-only slot (1 MiB at 16 MiB, above 16 MiB of RAM): rom.c's .rom
# data and .romtext code are linked there; Tern's loader fills the slot.
tern_guest(guest-rom SOURCES ${_tg}/rom.c)
target_link_options(guest-rom.elf PRIVATE
  -Wl,--section-start=.rom=0x1000000 -Wl,--section-start=.romtext=0x1080000)
s390x_guest_system(s390x-g-rom --mem 16M --rom 16M:1M --append "rom=16" --guest guest-rom.elf)

# SMP partitions and the scheduler: IPI ping-pong across every pair of
# vCPUs (ipi.c), pinned and time-sliced.
s390x_guest_system(s390x-g-ipi4 --mem 32M --cpus 4 --append "cpus=4 rounds=2" --guest guest-ipi.elf)
s390x_guest_system(s390x-g-ipi16 --mem 32M --cpus 4 --vcpus 16 --sched timeslice
  --append "cpus=16" --guest guest-ipi.elf)
# Two SMP partitions at once: 2 vCPUs pinned on CPUs 0-1, 6 vCPUs taking
# turns on CPUs 2-3.
s390x_guest_system(s390x-g-ipi-pair --mem 32M --cpus 2 --append "cpus=2 rounds=2" --guest guest-ipi.elf
  --cpus 2 --vcpus 6 --sched timeslice --append "cpus=6 rounds=2" --guest guest-ipi.elf)
# Starvation: 3 vCPUs time-sliced (10 ms) on one CPU; vCPU 1 spins with
# interruptions off for ever, vCPUs 0 and 2 work beside it.
s390x_guest_system(s390x-g-starve --mem 32M --cpus 1 --vcpus 3 --sched timeslice --slice 10000
  --append "cpus=3 pcpus=1 spin=1 slice_us=10000 turns=5" --guest guest-starve.elf)
