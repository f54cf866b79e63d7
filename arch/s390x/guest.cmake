# Guest SDK flags for s390x: the same guest ELF runs natively under
# `qemu-system-s390x -M s390-ccw-virtio -kernel` and as a Tern partition
# (Hercules SIE). -march=z196 -msoft-float: Hercules 3.13 has no z13
# instructions, and with CR0.AFP off GCC's FPR spills would fault.
# --param=min-pagesize=0 -fno-delete-null-pointer-checks: the lowcore is at
# real address 0. -fno-tree-loop-distribute-patterns: the SDK's memset()
# must not become a call to itself.
set(_sdk ${CMAKE_SOURCE_DIR}/guests/s390x/sdk)

set(TERN_GUEST_CFLAGS
  -march=z196 -msoft-float --param=min-pagesize=0 -fno-delete-null-pointer-checks
  -ffreestanding -fno-builtin -fno-common -nostdlib -static -no-pie -fno-pic
  -fno-asynchronous-unwind-tables -fno-stack-protector -mno-backchain -O2
  -fno-tree-loop-distribute-patterns)
set(TERN_GUEST_LDFLAGS
  -nostdlib -static -no-pie -Wl,--build-id=none -Wl,--no-warn-rwx-segments)
set(TERN_GUEST_LINKER_SCRIPT ${CMAKE_SOURCE_DIR}/linker/guest-s390x.ld)
set(TERN_GUEST_INCLUDES ${_sdk}/include)
set(TERN_GUEST_SDK_SOURCES
  ${_sdk}/crt0.S
  ${_sdk}/irq.c
  ${_sdk}/sclp.c
  ${_sdk}/console.c
  ${_sdk}/format.c
  ${_sdk}/string.c
  ${_sdk}/test.c
  ${_sdk}/exit.c
  ${_sdk}/smp.c
  ${_sdk}/host.c
  ${_sdk}/cmdline.c)

# s390x_guest_system(NAME mkconfig-args...): the image tern-NAME.elf running the guests
# named in the mkconfig arguments; guest targets may be named directly
# (tern_guest_system turns them into file paths and dependencies).
function(s390x_guest_system name)
  tern_guest_system(${name} MKCONFIG_ARGS ${ARGN})
endfunction()
