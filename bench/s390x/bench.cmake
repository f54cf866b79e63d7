# s390x benchmark guest: as a partition (tern-s390x-bench) and natively on
# Hercules (bench-native.ins: an ESA/390 IPL stub that switches to
# z/Architecture and enters the guest as QEMU -kernel would).
tern_guest(s390x-bench-guest SOURCES ${CMAKE_SOURCE_DIR}/bench/s390x/bench-guest.c)
# No --append: natively on Hercules the guest has no command line either, so
# both runs use the guest's defaults.
tern_guest_system(s390x-bench MKCONFIG_ARGS --mem 32M --guest s390x-bench-guest.elf)

add_executable(s390x-ipl-native.elf ${CMAKE_SOURCE_DIR}/bench/s390x/ipl-native.S)
target_link_options(s390x-ipl-native.elf PRIVATE -nostdlib -static -no-pie
  -Wl,--build-id=none -Wl,-Ttext=0x8000 -Wl,--no-warn-rwx-segments)
add_custom_command(OUTPUT ${CMAKE_BINARY_DIR}/bench-native.ins
  COMMAND ${CMAKE_OBJCOPY} -O binary --only-section=.text s390x-ipl-native.elf bench-ipl-stub.bin
  COMMAND ${CMAKE_OBJCOPY} -O binary --only-section=.iplpsw s390x-ipl-native.elf bench-iplpsw.bin
  COMMAND ${CMAKE_OBJCOPY} -O binary s390x-bench-guest.elf bench-guest.bin
  COMMAND sh -c "printf 'bench-iplpsw.bin 0x00000000\\nbench-ipl-stub.bin 0x00008000\\nbench-guest.bin 0x00010000\\n' > bench-native.ins"
  DEPENDS s390x-ipl-native.elf s390x-bench-guest.elf
  WORKING_DIRECTORY ${CMAKE_BINARY_DIR}
  COMMENT "bench: native Hercules IPL of the bench guest"
  VERBATIM)
add_custom_target(s390x-bench-native ALL DEPENDS ${CMAKE_BINARY_DIR}/bench-native.ins)
