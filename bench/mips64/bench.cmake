# mips64 benchmark guest (bench/mips64, run by bench/mips64/run.sh): built
# in both layouts like the test guests: bench-native.elf on the bare machine
# and bench.elf as the one partition of tern-mips64-bench.elf.
set(BENCH_MIPS64 ${CMAKE_SOURCE_DIR}/bench/mips64)
tern_mips64_guest(bench SOURCES ${BENCH_MIPS64}/bench-guest.c ${BENCH_MIPS64}/bench-asm.S)
mips64_guest_system(mips64-bench --guest bench.elf)
