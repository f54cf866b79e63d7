# Cross toolchain for s390x images: Debian's gcc-s390x-linux-gnu.
set(CROSS_COMPILE "s390x-linux-gnu-" CACHE STRING "cross tool prefix")
set(CMAKE_SYSTEM_PROCESSOR s390x)
set(TERN_ARCH s390x CACHE STRING "" FORCE)
include(${CMAKE_CURRENT_LIST_DIR}/gnu-cross.cmake)
