# Tern s390x test guests: each runs natively under QEMU -kernel and as a
# partition (tern_guest_system) on Hercules. Scenarios:
# tests/scenarios/s390x-guests.cmake.
set(_tg ${CMAKE_SOURCE_DIR}/tests/guests/s390x)

foreach(g console stsi sclp_info timers smp pgm diag318 diag308 hostile)
  tern_guest(guest-${g} SOURCES ${_tg}/${g}.c)
endforeach()

s390x_guest_system(s390x-g-console
  --mem 32M --append "greeting=hello-tern" --guest guest-console.elf)
