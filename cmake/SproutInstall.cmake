# The installed package: `cmake --install BUILD --prefix P` puts the libraries in P/lib,
# the headers in P/include/sprout/<folder>/ and the CMake package in P/lib/cmake/Sprout,
# so that another project needs only
#   find_package(Sprout REQUIRED)
#   target_link_libraries(app PRIVATE Sprout::engine)
# The exported targets carry their dependencies (found again by SproutConfig.cmake) and
# none of the build's own flags: -march is a directory option and -Werror a private one,
# so neither reaches a user's targets. docs/cpp-api.md says what is public API.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(SPROUT_INSTALL_CMAKEDIR ${CMAKE_INSTALL_LIBDIR}/cmake/Sprout)

# The largest alignment Eigen uses in this build, from the instruction set it targets.
# Eigen code compiled with another alignment must not free the library's matrices, so the
# installed sprout_bp hands it to its users as EIGEN_MAX_ALIGN_BYTES.
function(sprout_eigen_alignment out)
  set(march "")
  if(CMAKE_SYSTEM_PROCESSOR MATCHES "^(x86_64|AMD64|amd64)$")
    set(march -march=${SPROUT_ARCH})
  endif()
  execute_process(COMMAND ${CMAKE_CXX_COMPILER} ${march} -dM -E -x c++ /dev/null
                  OUTPUT_VARIABLE macros ERROR_QUIET)
  if(macros MATCHES "__AVX512F__")
    set(${out} 64 PARENT_SCOPE)
  elseif(macros MATCHES "__AVX__")
    set(${out} 32 PARENT_SCOPE)
  else()
    set(${out} 16 PARENT_SCOPE)
  endif()
endfunction()

# Installs a library of sprout_add_library as Sprout::<export_name>, with the headers of
# its folder (the calling CMakeLists.txt's) under include/sprout/<folder>/.
function(sprout_install_library target export_name)
  set_target_properties(${target} PROPERTIES EXPORT_NAME ${export_name})
  add_library(Sprout::${export_name} ALIAS ${target})
  install(TARGETS ${target} EXPORT SproutTargets
          ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
          LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR})
  file(GLOB headers CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*.hpp)
  file(RELATIVE_PATH folder ${PROJECT_SOURCE_DIR} ${CMAKE_CURRENT_SOURCE_DIR})
  if(headers)
    install(FILES ${headers} DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/sprout/${folder})
  endif()
endfunction()

# SproutTargets.cmake, SproutConfig.cmake and SproutConfigVersion.cmake; called once, after
# every library.
function(sprout_install_package)
  install(EXPORT SproutTargets NAMESPACE Sprout:: DESTINATION ${SPROUT_INSTALL_CMAKEDIR})
  configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/SproutConfig.cmake.in
                                ${PROJECT_BINARY_DIR}/SproutConfig.cmake
                                INSTALL_DESTINATION ${SPROUT_INSTALL_CMAKEDIR})
  # 0.x: a minor version may change the API.
  write_basic_package_version_file(${PROJECT_BINARY_DIR}/SproutConfigVersion.cmake
                                   COMPATIBILITY SameMinorVersion)
  install(FILES ${PROJECT_BINARY_DIR}/SproutConfig.cmake
                ${PROJECT_BINARY_DIR}/SproutConfigVersion.cmake
          DESTINATION ${SPROUT_INSTALL_CMAKEDIR})
endfunction()
