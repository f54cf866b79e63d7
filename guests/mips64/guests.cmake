# mips64 demo guests (guests/mips64/demo) and the system `tools/tern demo`
# boots: tern-mips64-demo.elf, two partitions ticking at different rates.
set(_demo ${CMAKE_SOURCE_DIR}/guests/mips64/demo)
tern_mips64_guest(demo-a SOURCES ${_demo}/demo.c DEFINES DEMO_TICKS=5 DEMO_PERIOD_MS=200)
tern_mips64_guest(demo-b SOURCES ${_demo}/demo.c DEFINES DEMO_TICKS=4 DEMO_PERIOD_MS=300)
mips64_guest_system(mips64-demo --guest demo-a.elf --guest demo-b.elf)
