# MIPS64 (Loongson-3; QEMU loongson3-virt): sources, flags, link script,
# and the configs built into images.
set(TERN_MIPS64_ARCH ${CMAKE_SOURCE_DIR}/arch/mips64)
set(TERN_ARCH_SOURCES
  ${CMAKE_SOURCE_DIR}/boot/mips64/head.S
  ${CMAKE_SOURCE_DIR}/boot/mips64/vectors.S
  ${TERN_MIPS64_ARCH}/cpu_asm.S
  ${TERN_MIPS64_ARCH}/te_entry.S
  ${TERN_MIPS64_ARCH}/vz_entry.S
  ${TERN_MIPS64_ARCH}/console.c
  ${TERN_MIPS64_ARCH}/cpu.c
  ${TERN_MIPS64_ARCH}/crash.c
  ${TERN_MIPS64_ARCH}/exception.c
  ${TERN_MIPS64_ARCH}/ipi.c
  ${TERN_MIPS64_ARCH}/lefi.c
  ${TERN_MIPS64_ARCH}/power.c
  ${TERN_MIPS64_ARCH}/setup.c
  ${TERN_MIPS64_ARCH}/smp.c
  ${TERN_MIPS64_ARCH}/timer.c
  ${TERN_MIPS64_ARCH}/decode.c
  ${TERN_MIPS64_ARCH}/emulate.c
  ${TERN_MIPS64_ARCH}/emulate_cp0.c
  ${TERN_MIPS64_ARCH}/emulate_mem.c
  ${TERN_MIPS64_ARCH}/emulate_tlb.c
  ${TERN_MIPS64_ARCH}/backend.c
  ${TERN_MIPS64_ARCH}/guest.c
  ${TERN_MIPS64_ARCH}/host_ops.c
  ${TERN_MIPS64_ARCH}/te.c
  ${TERN_MIPS64_ARCH}/te_devices.c
  ${TERN_MIPS64_ARCH}/te_hcall.c
  ${TERN_MIPS64_ARCH}/te_mmu.c
  ${TERN_MIPS64_ARCH}/te_stats.c
  ${TERN_MIPS64_ARCH}/vintc.c
  ${TERN_MIPS64_ARCH}/vipi.c
  ${TERN_MIPS64_ARCH}/vtestdev.c
  ${TERN_MIPS64_ARCH}/gpt.c
  ${TERN_MIPS64_ARCH}/vz.c
  ${TERN_MIPS64_ARCH}/vz_context.c
  ${TERN_MIPS64_ARCH}/vz_exit.c
  ${TERN_MIPS64_ARCH}/vz_hw.c
  ${TERN_MIPS64_ARCH}/vz_probe.c
  ${CMAKE_SOURCE_DIR}/io/vuart16550.c
  ${CMAKE_SOURCE_DIR}/io/drivers/ns16550.c)

# -msym32: the image lives in ckseg0, so symbols are 32-bit sign-extended
# (2-instruction la) while pointers stay 64-bit (XKPHYS).
# -msoft-float: the hypervisor never touches the FPU (Status.CU1 stays 0).
set(TERN_MIPS64_MACHINE -march=mips64r2 -mabi=64 -msym32 -G0 -mno-abicalls -fno-pic -msoft-float)
set(TERN_ARCH_CFLAGS ${TERN_MIPS64_MACHINE}
  -ffreestanding -fno-builtin -fno-common -fno-stack-protector
  -fno-asynchronous-unwind-tables -nostdlib -static -no-pie -O2 -Wa,-mvirt
  -I${CMAKE_SOURCE_DIR})
set(TERN_ARCH_LDFLAGS ${TERN_MIPS64_MACHINE} -nostdlib -static -no-pie
  -Wl,--build-id=none -Wl,-z,max-page-size=4096)
set(TERN_LINKER_SCRIPT ${CMAKE_SOURCE_DIR}/linker/mips64.ld)
set(TERN_CONFIGS
  loongson3-virt
  loongson3-virt-panic
  loongson3-virt-exception
  loongson3-virt-hang)
