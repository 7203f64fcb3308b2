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
