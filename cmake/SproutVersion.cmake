# The git revision is read at build time (not configure time), so a rebuild after a
# commit reports the new revision without re-running CMake.
set(SPROUT_VERSION_CPP ${PROJECT_BINARY_DIR}/generated/sprout_version.cpp)
add_custom_target(sprout_version_stamp
  COMMAND ${CMAKE_COMMAND} -DSOURCE_DIR=${PROJECT_SOURCE_DIR} -DOUTPUT=${SPROUT_VERSION_CPP}
          -DPROJECT_VERSION=${PROJECT_VERSION}
          -DTARGET_ARCH=${SPROUT_ARCH}
          "-DCOMPILER=${CMAKE_CXX_COMPILER_ID} ${CMAKE_CXX_COMPILER_VERSION}" -P ${PROJECT_SOURCE_DIR}/cmake/WriteVersion.cmake
  BYPRODUCTS ${SPROUT_VERSION_CPP}
  COMMENT "Reading git revision")
