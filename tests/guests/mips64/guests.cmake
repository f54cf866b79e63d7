# mips64 test guests (tests/guests/mips64): each built in both layouts by
# tern_mips64_guest (arch/mips64/guest.cmake), and run as a partition by a
# tern_guest_system. Scenarios: tests/scenarios/mips64-guests.cmake.
set(TG_DIR ${CMAKE_SOURCE_DIR}/tests/guests/mips64)
tern_mips64_guest(smoke SOURCES ${TG_DIR}/smoke.c)
tern_mips64_guest(cp0 SOURCES ${TG_DIR}/cp0.c)
tern_mips64_guest(tlb SOURCES ${TG_DIR}/tlb.c ${TG_DIR}/insn.S)
tern_mips64_guest(exc SOURCES ${TG_DIR}/exc.c ${TG_DIR}/insn.S)
