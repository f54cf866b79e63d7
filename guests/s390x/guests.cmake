# Guests shipped with Tern for s390x (the SDK itself is set up by
# arch/s390x/guest.cmake): the demo, two partitions printing their
# progress on a timer tick and ending by themselves
# (build/s390x/tern-s390x-demo.ins, `tools/tern demo --arch s390x`).
tern_guest(s390x-demo-guest SOURCES ${CMAKE_SOURCE_DIR}/guests/s390x/demo/demo.c)
s390x_guest_system(s390x-demo
  --mem 32M --append "name=alpha ticks=5 tick_ms=300" --guest s390x-demo-guest.elf
  --append "name=beta ticks=7 tick_ms=200" --guest s390x-demo-guest.elf)
