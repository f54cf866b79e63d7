# s390x (IBM Z): one image per config, booted by Hercules 3.13 (IPL from a
# .ins list of flat files) and by QEMU -M s390-ccw-virtio (-kernel ELF).
set(_s390x ${CMAKE_SOURCE_DIR}/arch/s390x)

set(TERN_ARCH_SOURCES
  ${CMAKE_SOURCE_DIR}/boot/s390x/head.S
  ${_s390x}/entry.S
  ${_s390x}/setup.c
  ${_s390x}/machine.c
  ${_s390x}/lowcore.c
  ${_s390x}/cpu.c
  ${_s390x}/mmu.c
  ${_s390x}/timer.c
  ${_s390x}/ipi.c
  ${_s390x}/smp.c
  ${_s390x}/ext.c
  ${_s390x}/crash.c
  ${_s390x}/sie_entry.S
  ${_s390x}/sie.c
  ${_s390x}/sie_dat.c
  ${_s390x}/cpu_state.c
  ${_s390x}/gmem.c
  ${_s390x}/inject.c
  ${_s390x}/stats.c
  ${_s390x}/emulate.c
  ${_s390x}/emulate_diag.c
  ${_s390x}/emulate_io.c
  ${_s390x}/emulate_sclp.c
  ${_s390x}/emulate_sigp.c
  ${_s390x}/emulate_stsi.c
  ${_s390x}/emulate_storage.c
  ${_s390x}/skey.c
  ${_s390x}/hcmd.c
  ${_s390x}/power.c
  ${_s390x}/console.c
  ${_s390x}/ebcdic.c
  ${CMAKE_SOURCE_DIR}/io/drivers/sclp.c)

# -march=z196 -msoft-float: Hercules 3.13 has no z13 instructions, and GCC
# would otherwise spill GPRs into FPRs, which fault with CR0.AFP off.
# --param=min-pagesize=0 -fno-delete-null-pointer-checks: the lowcore lives
# at real address 0.
set(TERN_ARCH_CFLAGS
  -march=z196 -msoft-float --param=min-pagesize=0 -fno-delete-null-pointer-checks
  -ffreestanding -fno-builtin -fno-common -nostdlib -static -no-pie -fno-pic
  -fno-asynchronous-unwind-tables -fno-stack-protector -mno-backchain -O2
  -I${CMAKE_SOURCE_DIR}/io)
set(TERN_ARCH_LDFLAGS
  -nostdlib -static -no-pie -Wl,--build-id=none -Wl,--no-warn-rwx-segments)
set(TERN_LINKER_SCRIPT ${CMAKE_SOURCE_DIR}/linker/s390x.ld)
set(TERN_CONFIGS s390x-2p s390x-2p-panic s390x-2p-exception s390x-2p-hang)

# Hercules IPLs from a .ins list: the 8-byte ESA/390 IPL PSW at absolute 0
# and the flat image at 0x10000. The PSW is assembled in head.S into a
# section that is not loaded; objcopy extracts it (CMake cannot write NULs).
function(tern_arch_image_post img)
  set(ins_tmp ${CMAKE_BINARY_DIR}/CMakeFiles/${img}.ins.in)
  file(WRITE ${ins_tmp}
    "* Hercules \"IPL from file\" list: <file> <absolute load address>\n"
    "iplpsw.bin 0x00000000\n"
    "${img}.bin 0x00010000\n")
  add_custom_command(TARGET ${img}.elf POST_BUILD
    COMMAND ${CMAKE_OBJCOPY} -O binary ${img}.elf ${img}.bin
    COMMAND ${CMAKE_OBJCOPY} -O binary --only-section=.iplpsw
            --set-section-flags=.iplpsw=alloc,load,contents ${img}.elf iplpsw.bin
    COMMAND ${CMAKE_COMMAND} -E copy_if_different ${ins_tmp} ${img}.ins
    WORKING_DIRECTORY ${CMAKE_BINARY_DIR}
    COMMENT "s390x: ${img}.bin, iplpsw.bin, ${img}.ins"
    VERBATIM)
endfunction()
