# Host unit tests of the mips64 instruction emulation layer and the
# virtual devices (included by cmake/host.cmake).
set(M64 ${CMAKE_SOURCE_DIR}/arch/mips64)
set(M64T ${CMAKE_SOURCE_DIR}/tests/unit/mips64)
set(M64_EMU ${M64}/decode.c ${M64}/emulate.c ${M64}/emulate_cp0.c ${M64}/emulate_mem.c
  ${M64}/emulate_tlb.c)
foreach(t decode emulate devices)
  if(t STREQUAL "devices")
    tern_unit(test_mips64_${t} ${M64T}/test_devices.c ${M64}/vintc.c ${M64}/vipi.c ${M64}/vtestdev.c
      ${CMAKE_SOURCE_DIR}/io/vuart16550.c)
  elseif(t STREQUAL "emulate")
    tern_unit(test_mips64_${t} ${M64T}/test_emulate.c ${M64T}/test_emulate_mem.c
      ${M64T}/test_emulate_branch.c ${M64T}/harness.c ${M64_EMU})
  else()
    tern_unit(test_mips64_${t} ${M64T}/test_decode.c ${M64T}/harness.c ${M64_EMU})
  endif()
  # arch/host first (its arch/types.h), then the mips64 headers the layer uses
  target_include_directories(test_mips64_${t} PRIVATE ${M64}/include ${CMAKE_SOURCE_DIR})
endforeach()

# The VZ backend's exit handlers against a model of the VZ hardware, and
# its guest-physical page table against a model of lddir/ldpte.
tern_unit(test_mips64_vz ${M64T}/test_vz.c ${M64T}/vz_model.c ${M64T}/harness.c
  ${M64}/vz_exit.c ${M64}/vz_context.c ${M64}/vz_probe.c ${M64}/gpt.c ${M64_EMU} ${CMAKE_SOURCE_DIR}/core/lib/format.c)
tern_unit(test_mips64_gpt ${M64T}/test_gpt.c ${M64}/gpt.c)
foreach(t vz gpt)
  target_include_directories(test_mips64_${t} PRIVATE ${M64}/include ${CMAKE_SOURCE_DIR})
endforeach()
