# Host unit tests of the s390x instruction emulation layer and interrupt
# injection (included by cmake/host.cmake). The layer is built with the
# s390x headers (its struct arch_vcpu), against small fakes of the core
# services in harness.c.
set(S390 ${CMAKE_SOURCE_DIR}/arch/s390x)
set(S390T ${CMAKE_SOURCE_DIR}/tests/unit/s390x)
tern_unit(test_s390x_emulate ${S390T}/test_emulate.c ${S390T}/harness.c
  ${S390}/emulate.c ${S390}/emulate_diag.c ${S390}/emulate_io.c ${S390}/emulate_sclp.c
  ${S390}/emulate_sigp.c ${S390}/emulate_stsi.c ${S390}/emulate_storage.c ${S390}/inject.c ${S390}/gmem.c
  ${S390}/cpu_state.c ${S390}/stats.c ${S390}/ebcdic.c ${CMAKE_SOURCE_DIR}/core/lib/format.c)
# The s390x arch/types.h, not arch/host's.
target_include_directories(test_s390x_emulate BEFORE PRIVATE ${S390}/include)
