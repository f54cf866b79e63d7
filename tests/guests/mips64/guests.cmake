# mips64 test guests (tests/guests/mips64): each built in both layouts by
# tern_mips64_guest (arch/mips64/guest.cmake): NAME-native.elf for the bare
# machine and NAME.elf, run as a partition by the system tern-mips64-NAME.elf.
# Scenarios: tests/scenarios/mips64-guests.cmake.
set(TG_DIR ${CMAKE_SOURCE_DIR}/tests/guests/mips64)

function(tern_mips64_test name)
  tern_mips64_guest(${name} SOURCES ${ARGN})
  mips64_guest_system(mips64-${name} --guest ${name}.elf)
endfunction()

tern_mips64_test(smoke ${TG_DIR}/smoke.c)
tern_mips64_test(cp0 ${TG_DIR}/cp0.c)
tern_mips64_test(tlb ${TG_DIR}/tlb.c ${TG_DIR}/insn.S)
tern_mips64_test(exc ${TG_DIR}/exc.c ${TG_DIR}/insn.S)
tern_mips64_test(timer ${TG_DIR}/timer.c)
tern_mips64_test(loongson ${TG_DIR}/loongson.c ${TG_DIR}/insn.S)
tern_mips64_test(mmio ${TG_DIR}/mmio.c ${TG_DIR}/mmio_insn.S)
tern_mips64_test(user ${TG_DIR}/user.c ${TG_DIR}/user_prog.S)
tern_mips64_test(hostile ${TG_DIR}/hostile.c ${TG_DIR}/insn.S)
tern_mips64_test(cache ${TG_DIR}/cache.c ${TG_DIR}/insn.S)
tern_mips64_guest(spin SOURCES ${TG_DIR}/spin.c)

# A read-only slot (sys-rom.c: 1 MiB at guest-physical 64 MiB, above the
# 64 MiB of RAM): rom.c's .rom data and .romtext code are linked at the
# slot's kseg0 window address (0x40000000 + 64 MiB), which is also what
# Tern's loader takes as their guest-physical address (arch_elf_segment_gpa);
# the loader fills the slot. Partition only: rom-native.elf skips its tests.
tern_mips64_guest(rom SOURCES ${TG_DIR}/rom.c)
target_link_options(rom.elf PRIVATE
  -Wl,--section-start=.rom=0x44000000 -Wl,--section-start=.romtext=0x44080000)
tern_image(mips64-rom ${TG_DIR}/sys-rom.c DEPENDS ${CMAKE_BINARY_DIR}/rom.elf)
add_dependencies(tern-mips64-rom.elf rom.elf)

# Two partitions at once: a guest spinning with interrupts off beside the
# timer tests; a hostile guest beside the TLB tests.
mips64_guest_system(mips64-pair-spin --guest spin.elf --guest timer.elf)
mips64_guest_system(mips64-pair-hostile --guest hostile.elf --guest tlb.elf)

# --- SMP (the SDK's opt-in tg_smp.h: sdk/smp.c, sdk/smp_entry.S) ------------
# smp.c: bring-up and an IPI ping-pong over every pair of CPUs; cpus=N on
# its command line. Natively: smp-native.elf on QEMU -smp N --append cpus=N.
set(TG_SDK_SMP_SOURCES ${TERN_GUEST_SDK}/smp.c ${TERN_GUEST_SDK}/smp_entry.S)
tern_mips64_guest(smp SOURCES ${TG_DIR}/smp.c ${TG_SDK_SMP_SOURCES})
# 4 vCPUs pinned on 4 CPUs
mips64_guest_system(mips64-smp-pinned4 --cpus 4 --append cpus=4 --guest smp.elf)
# 16 vCPUs time-sliced on 4 CPUs
mips64_guest_system(mips64-smp-slice16 --cpus 4 --vcpus 16 --sched timeslice --append cpus=16
  --guest smp.elf)
# two SMP partitions at once: 2 vCPUs pinned on CPUs 0-1, 6 vCPUs time-sliced on CPUs 2-3
mips64_guest_system(mips64-smp-two --cpus 2 --append cpus=2 --guest smp.elf
  --vcpus 6 --sched timeslice --append cpus=6 --guest smp.elf)
# starvation: 4 vCPUs time-sliced on one CPU, vCPU 1 spinning with interrupts off
tern_mips64_guest(starve SOURCES ${TG_DIR}/starve.c ${TG_SDK_SMP_SOURCES})
mips64_guest_system(mips64-smp-starve --cpus 1 --vcpus 4 --sched timeslice --slice 50000
  --append "cpus=4 slice=50000 rounds=10" --guest starve.elf)
# hostile mailbox accesses (p0, 2 vCPUs on CPUs 0-1) beside the smp guest (p1, CPUs 2-3)
tern_mips64_guest(ipihostile SOURCES ${TG_DIR}/ipihostile.c ${TG_DIR}/insn.S ${TG_SDK_SMP_SOURCES})
mips64_guest_system(mips64-smp-hostile --cpus 2 --append cpus=2 --guest ipihostile.elf
  --guest smp.elf)
