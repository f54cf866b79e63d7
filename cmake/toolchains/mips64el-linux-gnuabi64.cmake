# Cross toolchain for mips64 images: Debian's gcc-mips64el-linux-gnuabi64.
set(CROSS_COMPILE "mips64el-linux-gnuabi64-" CACHE STRING "cross tool prefix")
set(CMAKE_SYSTEM_PROCESSOR mips64)
set(TERN_ARCH mips64 CACHE STRING "" FORCE)
include(${CMAKE_CURRENT_LIST_DIR}/gnu-cross.cmake)
