# Host build: unit tests of core on the fake arch, the config checker over
# every shipped and every deliberately bad config, the cross images (as
# sub-builds) and the emulator scenarios. `ctest` here runs everything.
enable_testing()
include(ExternalProject)

set(TERN_BUILD_ROOT "${CMAKE_SOURCE_DIR}/build" CACHE PATH "where the cross sub-builds live")
option(TERN_CROSS "build the mips64 and s390x images and run the emulator scenarios" ON)

set(HOST_INC ${CMAKE_SOURCE_DIR}/core/include ${CMAKE_SOURCE_DIR}/arch/host/include
             ${CMAKE_SOURCE_DIR}/tests/unit)
set(HOST_FLAGS ${TERN_WARNINGS} -fno-strict-aliasing -DTERN_ARCH_NAME="host")

# --- unit tests ---------------------------------------------------------
function(tern_unit name)
  add_executable(${name} ${ARGN})
  target_include_directories(${name} PRIVATE ${HOST_INC})
  target_compile_options(${name} PRIVATE ${HOST_FLAGS})
  add_test(NAME unit.${name} COMMAND ${name})
  set_tests_properties(unit.${name} PROPERTIES LABELS unit TIMEOUT 60)
endfunction()

tern_unit(test_format tests/unit/test_format.c core/lib/format.c)
tern_unit(test_string tests/unit/test_string.c core/lib/string.c)
set_source_files_properties(core/lib/string.c TARGET_DIRECTORY test_string PROPERTIES COMPILE_OPTIONS
  "-Dmemcpy=t_memcpy;-Dmemmove=t_memmove;-Dmemset=t_memset;-Dmemcmp=t_memcmp;-Dstrlen=t_strlen;-Dstrnlen=t_strnlen;-Dstrcmp=t_strcmp;-Dstrncmp=t_strncmp;-fno-builtin")
tern_unit(test_page_alloc tests/unit/test_page_alloc.c core/page_alloc.c)
tern_unit(test_config tests/unit/test_config.c core/config_check.c core/lib/format.c)
tern_unit(test_core tests/unit/test_core.c arch/host/arch_host.c
  core/console.c core/panic.c core/main.c core/smp.c core/wait.c core/pages.c core/page_alloc.c
  core/config_check.c core/config_boot.c core/partition.c core/lib/format.c
  core/elf.c core/run.c core/sched.c)
target_include_directories(test_core PRIVATE ${CMAKE_SOURCE_DIR}/tests/unit/core_cfg)

# --- the config checker over real and bad configs ----------------------
# Shipped configs must pass for their arch; every file in tests/configs/
# must be rejected with the message named in its first line
# ("/* expect: <regex> */").
function(tern_cfgcheck cfgfile arch)
  get_filename_component(cfg ${cfgfile} NAME_WE)
  set(exe cfgcheck-${cfg})
  add_executable(${exe} tools/cfgcheck.c core/config_check.c core/lib/format.c ${cfgfile})
  target_include_directories(${exe} PRIVATE ${CMAKE_SOURCE_DIR}/core/include ${CMAKE_SOURCE_DIR}/configs)
  target_compile_options(${exe} PRIVATE ${HOST_FLAGS})
  file(STRINGS ${cfgfile} expect REGEX "^/\\* expect: .* \\*/$" LIMIT_COUNT 1)
  if(expect)
    string(REGEX REPLACE "^/\\* expect: (.*) \\*/$" "\\1" re "${expect}")
    add_test(NAME cfgcheck.reject.${cfg}
      COMMAND ${CMAKE_SOURCE_DIR}/tools/expect-fail "${re}" -- $<TARGET_FILE:${exe}> --arch ${arch})
  else()
    add_test(NAME cfgcheck.accept.${cfg} COMMAND ${exe} --arch ${arch})
  endif()
endfunction()

file(GLOB MIPS_CONFIGS ${CMAKE_SOURCE_DIR}/configs/loongson3-virt*.c)
file(GLOB S390_CONFIGS ${CMAKE_SOURCE_DIR}/configs/s390x-*.c)
file(GLOB BAD_CONFIGS ${CMAKE_SOURCE_DIR}/tests/configs/*.c)
foreach(f IN LISTS MIPS_CONFIGS)
  tern_cfgcheck(${f} mips64)
endforeach()
foreach(f IN LISTS S390_CONFIGS)
  tern_cfgcheck(${f} s390x)
endforeach()
foreach(f IN LISTS BAD_CONFIGS)
  file(STRINGS ${f} archline REGEX "^/\\* arch: [a-z0-9]+ \\*/$" LIMIT_COUNT 1)
  string(REGEX REPLACE "^/\\* arch: ([a-z0-9]+) \\*/$" "\\1" arch "${archline}")
  if(NOT arch)
    set(arch mips64)
  endif()
  tern_cfgcheck(${f} ${arch})
endforeach()

# --- cross images and scenarios -----------------------------------------
if(TERN_CROSS)
  foreach(arch mips64 s390x)
    if(arch STREQUAL "mips64")
      set(tc mips64el-linux-gnuabi64)
    else()
      set(tc s390x-linux-gnu)
    endif()
    ExternalProject_Add(images-${arch}
      SOURCE_DIR ${CMAKE_SOURCE_DIR}
      BINARY_DIR ${TERN_BUILD_ROOT}/${arch}
      CMAKE_ARGS -DCMAKE_TOOLCHAIN_FILE=${CMAKE_SOURCE_DIR}/cmake/toolchains/${tc}.cmake
                 -DCMAKE_BUILD_TYPE=Release
      INSTALL_COMMAND ""
      BUILD_ALWAYS ON
      USES_TERMINAL_BUILD ON)
  endforeach()
  add_subdirectory(tests/scenarios)
endif()

# --- style and static analysis gates ------------------------------------
add_test(NAME lint.clang-format COMMAND ${CMAKE_SOURCE_DIR}/tools/lint format)
add_test(NAME lint.cppcheck COMMAND ${CMAKE_SOURCE_DIR}/tools/lint cppcheck)
set_tests_properties(lint.clang-format lint.cppcheck PROPERTIES LABELS lint TIMEOUT 300)

# Unit tests of arch emulation layers (built for the host) and the guest
# scenarios, each owned by its arch's files.
include(${CMAKE_SOURCE_DIR}/tests/unit/mips64/unit.cmake OPTIONAL)
include(${CMAKE_SOURCE_DIR}/tests/unit/s390x/unit.cmake OPTIONAL)

# The scheduler against a scripted fake arch (its own stubs of the arch and
# of core/run.c).
tern_unit(test_sched tests/unit/test_sched.c core/sched.c)
