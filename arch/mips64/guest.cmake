# Guests for mips64 (guests/mips64 SDK): flags, linker scripts and sources
# used by tern_guest() (cmake/image.cmake). A guest is built twice from the
# same sources by tern_mips64_guest(): NAME.elf in Tern's trap-and-emulate
# layout (a partition) and NAME-native.elf in the ckseg0 layout (QEMU
# -kernel on the bare machine).
#
# -msym32: both layouts' addresses are 32-bit sign-extended (0x40000000
# windows, ckseg0), so `la` takes two instructions and pointers are 64-bit.
# -msoft-float: guests leave the FPU off (Status.CU1 = 0), as the tests of
# Coprocessor Unusable need.
set(TERN_GUEST_MACHINE -march=mips64r2 -mabi=64 -msym32 -G0 -mno-abicalls -fno-pic -msoft-float)
set(TERN_GUEST_CFLAGS ${TERN_GUEST_MACHINE}
  -ffreestanding -fno-builtin -fno-common -fno-stack-protector
  -fno-asynchronous-unwind-tables -fno-tree-loop-distribute-patterns
  -nostdlib -static -no-pie -O2 -std=gnu11)
set(TERN_GUEST_LDFLAGS ${TERN_GUEST_MACHINE} -nostdlib -static -no-pie
  -Wl,--build-id=none -Wl,-z,max-page-size=4096 -L${CMAKE_SOURCE_DIR}/linker)
set(TERN_GUEST_LINKER_SCRIPT ${CMAKE_SOURCE_DIR}/linker/guest-mips64.ld)
set(TERN_GUEST_NATIVE_LINKER_SCRIPT ${CMAKE_SOURCE_DIR}/linker/guest-mips64-native.ld)
set(TERN_GUEST_SDK ${CMAKE_SOURCE_DIR}/guests/mips64/sdk)
set(TERN_GUEST_SDK_SOURCES
  ${TERN_GUEST_SDK}/crt0.S
  ${TERN_GUEST_SDK}/vectors.S
  ${TERN_GUEST_SDK}/console.c
  ${TERN_GUEST_SDK}/start.c
  ${TERN_GUEST_SDK}/string.c
  ${TERN_GUEST_SDK}/test.c
  ${TERN_GUEST_SDK}/tlb.c
  ${TERN_GUEST_SDK}/trap.c)
# arch/mips64/include for arch/guest_abi.h (the guest ABI; nothing else).
set(TERN_GUEST_INCLUDES ${CMAKE_SOURCE_DIR}/guests/mips64/include ${TERN_GUEST_SDK}
  ${CMAKE_SOURCE_DIR}/arch/mips64/include)

# tern_mips64_guest(NAME SOURCES... [DEFINES d...]): NAME.elf (partition)
# and NAME-native.elf (bare machine), with TG_GUEST_NAME="NAME".
function(tern_mips64_guest name)
  cmake_parse_arguments(A "" "" "SOURCES;DEFINES" ${ARGN})
  set(defs TG_GUEST_NAME="${name}" ${A_DEFINES})
  tern_guest(${name} SOURCES ${A_SOURCES} DEFINES ${defs})
  tern_guest(${name}-native SOURCES ${A_SOURCES} DEFINES ${defs}
    LINKER_SCRIPT ${TERN_GUEST_NATIVE_LINKER_SCRIPT})
  foreach(t ${name}.elf ${name}-native.elf)
    set_property(TARGET ${t} APPEND PROPERTY LINK_DEPENDS
      ${CMAKE_SOURCE_DIR}/linker/guest-mips64-common.ld)
  endforeach()
endfunction()

# mips64_guest_system(NAME mkconfig-args...): the image tern-NAME.elf running the guests
# named in the mkconfig arguments; guest targets may be named directly
# (tern_guest_system turns them into file paths and dependencies).
function(mips64_guest_system name)
  tern_guest_system(${name} MKCONFIG_ARGS ${ARGN})
endfunction()
