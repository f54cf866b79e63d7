# mips64 demo guests (guests/mips64/demo) and the system `tools/tern demo`
# boots: tern-mips64-demo.elf, two partitions ticking at different rates and
# an SMP one: 4 vCPUs time-sliced on 2 CPUs passing a token round a ring.
set(_demo ${CMAKE_SOURCE_DIR}/guests/mips64/demo)
tern_mips64_guest(demo-a SOURCES ${_demo}/demo.c DEFINES DEMO_TICKS=5 DEMO_PERIOD_MS=200)
tern_mips64_guest(demo-b SOURCES ${_demo}/demo.c DEFINES DEMO_TICKS=4 DEMO_PERIOD_MS=300)
tern_mips64_guest(ring SOURCES ${_demo}/ring.c ${TERN_GUEST_SDK}/smp.c ${TERN_GUEST_SDK}/smp_entry.S)
mips64_guest_system(mips64-demo --guest demo-a.elf --guest demo-b.elf
  --cpus 2 --vcpus 4 --sched timeslice --append "cpus=4" --guest ring.elf)
