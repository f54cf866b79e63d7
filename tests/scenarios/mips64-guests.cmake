# mips64 guest scenarios (the guest SDK's; included by CMakeLists.txt here),
# each on QEMU loongson3-virt with both CPU models (3A4000, 3A1000):
#   scenario.mips64-native-G-MODEL  G-native.elf alone on the bare machine
#   scenario.mips64-guest-G-MODEL   G.elf as a Tern partition (trap-and-emulate)
#   scenario.mips64-diff-G-MODEL    both, compared by tools/difftest
#   scenario.mips64-pair-*          two partitions at once
# The test guests are tests/guests/mips64; the demo is guests/mips64/demo.

# Test guest -> PASS lines it must show as a partition on the 3A4000 and on
# the 3A1000 model (the difference: cpucfg.reduced_list is checked only where
# CPUCFG is emulated, i.e. Tern on the 3A1000).
set(_mips64_tests
  smoke:2:2
  cp0:18:18
  tlb:12:12
  exc:14:14
  timer:10:10
  loongson:6:7
  mmio:5:5
  user:8:8)

# Partition scenarios that need what the T&E backend does not do yet
# (-DTERN_MIPS64_GAPS="" registers them anyway):
#   exc  loads/stores to xkphys/xsseg with the guest's Status.KX/SX clear are
#        emulated instead of raising Address Error (exc.address_error_load,
#        exc.address_error_store).
if(DEFINED TERN_MIPS64_GAPS)
  set(_mips64_gaps ${TERN_MIPS64_GAPS})
else()
  set(_mips64_gaps exc)
endif()

foreach(entry IN LISTS _mips64_tests)
  string(REPLACE ":" ";" f ${entry})
  list(GET f 0 g)
  foreach(model 3A4000 3A1000)
    if(model STREQUAL "3A4000")
      list(GET f 1 k)
      set(ign)
    else()
      list(GET f 2 k)
      # CPUCFG: Reserved Instruction on the bare 3A1000, emulated under Tern.
      set(ign --ignore cpucfg)
    endif()
    tern_scenario(mips64-native-${g}-${model} 60
      ${T}/run-qemu-mips64 --native --cpu Loongson-${model} --cpus 1 --timeout 60
      --log ${LOGS}/mips64-native-${g}-${model}.log ${M}/${g}-native.elf)
    if(g IN_LIST _mips64_gaps)
      continue()
    endif()
    tern_scenario(mips64-guest-${g}-${model} 60
      ${T}/run-qemu-mips64 --cpu Loongson-${model} --cpus 2 --expect-pass ${k} --timeout 60
      --log ${LOGS}/mips64-guest-${g}-${model}.log ${M}/tern-mips64-${g}.elf)
    tern_scenario(mips64-diff-${g}-${model} 120
      ${CMAKE_CURRENT_LIST_DIR}/diff-mips64.sh --name ${g} --model Loongson-${model}
      --build ${M} --expect-pass ${k} --timeout 60 --logs ${LOGS} ${ign})
  endforeach()
endforeach()
