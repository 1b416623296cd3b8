# ccache makes rebuilds (and CI re-runs on the same machine) near free. It is used when present;
# the scripts install it.
find_program(CCACHE_PROGRAM ccache)
if(CCACHE_PROGRAM AND NOT CMAKE_CXX_COMPILER_LAUNCHER)
  set(CMAKE_CXX_COMPILER_LAUNCHER "${CCACHE_PROGRAM}" CACHE STRING "" FORCE)
  message(STATUS "ccache: ${CCACHE_PROGRAM}")
endif()
