# Every dependency comes from a Debian -dev package; scripts/setup installs them.
# A missing one stops configuration with the name of the package to install.
function(sprout_require package debian_package)
  find_package(${package} ${ARGN} QUIET)
  if(NOT ${package}_FOUND)
    message(FATAL_ERROR
      "Sprout needs ${package}: install the Debian package '${debian_package}' "
      "(scripts/setup installs every dependency).")
  endif()
endfunction()

sprout_require(Boost libboost-dev 1.74)
sprout_require(fmt libfmt-dev)
sprout_require(Eigen3 libeigen3-dev 3.3 NO_MODULE)
sprout_require(OpenMP libomp-15-dev)  # GCC has its own; this is Clang 15's
sprout_require(CLI11 libcli11-dev)
sprout_require(nlohmann_json nlohmann-json3-dev)
sprout_require(ZLIB zlib1g-dev)
if(SPROUT_BUILD_TESTS)
  sprout_require(Catch2 catch2)
endif()
if(SPROUT_BUILD_BENCHMARKS)
  sprout_require(benchmark libbenchmark-dev)
endif()

# MPI (Open MPI: libopenmpi-dev and openmpi-bin) for training and sweeps over several
# processes or machines. AUTO uses it when found; without it every command runs in one
# process. `sprout --version` says which.
set(SPROUT_MPI AUTO CACHE STRING "Build with MPI: ON, OFF or AUTO (when found)")
set_property(CACHE SPROUT_MPI PROPERTY STRINGS ON OFF AUTO)
set(SPROUT_WITH_MPI OFF)
# Only MPI's C API is used (from C++); the deprecated C++ bindings are not wanted.
set(MPI_CXX_SKIP_MPICXX ON)
if(SPROUT_MPI STREQUAL "ON")
  sprout_require(MPI libopenmpi-dev COMPONENTS CXX)
  set(SPROUT_WITH_MPI ON)
elseif(SPROUT_MPI STREQUAL "AUTO")
  find_package(MPI COMPONENTS CXX QUIET)
  set(SPROUT_WITH_MPI ${MPI_CXX_FOUND})
elseif(NOT SPROUT_MPI STREQUAL "OFF")
  message(FATAL_ERROR "SPROUT_MPI must be ON, OFF or AUTO, not '${SPROUT_MPI}'")
endif()
