# Hypervisor images for one target arch: one image per config listed by the
# arch (arch/<arch>/arch.cmake sets TERN_CONFIGS, flags, sources, linker script).
include(${CMAKE_SOURCE_DIR}/arch/${TERN_ARCH}/arch.cmake)

find_program(TERN_HOST_CC NAMES cc gcc REQUIRED)
set(CMAKE_EXECUTABLE_SUFFIX "")

add_library(tern_common OBJECT ${TERN_CORE_SOURCES} ${TERN_ARCH_SOURCES})
target_include_directories(tern_common PUBLIC
  ${CMAKE_SOURCE_DIR}/core/include
  ${CMAKE_SOURCE_DIR}/arch/${TERN_ARCH}/include)
target_compile_options(tern_common PUBLIC ${TERN_WARNINGS} ${TERN_ARCH_CFLAGS})
target_compile_definitions(tern_common PUBLIC TERN_ARCH_NAME="${TERN_ARCH}")
# __FILE__ in panic messages: relative to the source tree, not this machine.
target_compile_options(tern_common PUBLIC -fmacro-prefix-map=${CMAKE_SOURCE_DIR}/= -g)

file(GLOB TERN_CORE_HEADERS ${CMAKE_SOURCE_DIR}/core/include/hv/*.h)
foreach(cfg IN LISTS TERN_CONFIGS)
  set(gen ${CMAKE_BINARY_DIR}/cfg/${cfg})
  # Build-time config check: host-compile the config with the checker; a bad
  # config fails the build here, before any image is linked.
  add_custom_command(
    OUTPUT ${gen}/config_defs.h
    COMMAND ${CMAKE_COMMAND} -E make_directory ${gen}
    COMMAND ${TERN_HOST_CC} -std=gnu11 -O1 -Wall -Wextra -Werror
            -I${CMAKE_SOURCE_DIR}/core/include
            -o ${gen}/cfgcheck
            ${CMAKE_SOURCE_DIR}/tools/cfgcheck.c
            ${CMAKE_SOURCE_DIR}/core/config_check.c
            ${CMAKE_SOURCE_DIR}/core/lib/format.c
            ${CMAKE_SOURCE_DIR}/configs/${cfg}.c
    COMMAND ${gen}/cfgcheck --arch ${TERN_ARCH} --emit ${gen}/config_defs.h
    DEPENDS ${CMAKE_SOURCE_DIR}/configs/${cfg}.c ${CMAKE_SOURCE_DIR}/tools/cfgcheck.c
            ${CMAKE_SOURCE_DIR}/core/config_check.c ${TERN_CORE_HEADERS}
    COMMENT "cfgcheck: ${cfg} for ${TERN_ARCH}"
    VERBATIM)
  set(img tern-${cfg})
  add_executable(${img}.elf $<TARGET_OBJECTS:tern_common>
    ${CMAKE_SOURCE_DIR}/core/partition.c
    ${CMAKE_SOURCE_DIR}/configs/${cfg}.c
    ${gen}/config_defs.h)
  target_include_directories(${img}.elf PRIVATE ${gen}
    ${CMAKE_SOURCE_DIR}/core/include ${CMAKE_SOURCE_DIR}/arch/${TERN_ARCH}/include)
  target_compile_options(${img}.elf PRIVATE ${TERN_WARNINGS} ${TERN_ARCH_CFLAGS} -g)
  target_link_options(${img}.elf PRIVATE ${TERN_ARCH_LDFLAGS} -T ${TERN_LINKER_SCRIPT}
    -Wl,-Map,${CMAKE_BINARY_DIR}/${img}.map)
  set_target_properties(${img}.elf PROPERTIES LINK_DEPENDS ${TERN_LINKER_SCRIPT})
  add_custom_command(TARGET ${img}.elf POST_BUILD
    COMMAND ${CMAKE_SIZE} ${img}.elf
    WORKING_DIRECTORY ${CMAKE_BINARY_DIR}
    COMMENT "image size (${TERN_ARCH}, ${cfg}):"
    VERBATIM)
  if(COMMAND tern_arch_image_post)
    tern_arch_image_post(${img})
  endif()
endforeach()
