# mips64 benchmark guest (bench/mips64, run by bench/mips64/run.sh): built
# in both layouts like the test guests: bench-native.elf on the bare machine
# and bench.elf as the one partition of tern-mips64-bench.elf.
set(BENCH_MIPS64 ${CMAKE_SOURCE_DIR}/bench/mips64)
tern_mips64_guest(bench SOURCES ${BENCH_MIPS64}/bench-guest.c ${BENCH_MIPS64}/bench-asm.S)
mips64_guest_system(mips64-bench --guest bench.elf)

# IPI round trip (bench/mips64/ipi.sh): ipi-guest.c with the SDK's SMP
# support, natively (ipibench-native.elf, QEMU -smp 2, cpus=2) and as a
# partition of 2 vCPUs, pinned on 2 CPUs or time-sliced on 1; each
# partition with 21 and with 121 measured rounds (the difference of their
# exit counts gives the exits of 100 round trips).
set(BENCH_MIPS64_SMP ${TERN_GUEST_SDK}/smp.c ${TERN_GUEST_SDK}/smp_entry.S)
tern_mips64_guest(ipibench SOURCES ${BENCH_MIPS64}/ipi-guest.c ${BENCH_MIPS64_SMP})
foreach(r 21 121)
  mips64_guest_system(mips64-ipibench-pinned-${r} --cpus 2 --append "cpus=2 rounds=${r}"
    --guest ipibench.elf)
  mips64_guest_system(mips64-ipibench-slice-${r} --cpus 1 --vcpus 2 --sched timeslice
    --append "cpus=2 rounds=${r}" --guest ipibench.elf)
endforeach()
