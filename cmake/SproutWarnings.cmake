# Applied to every Sprout target (not to third-party headers, which are SYSTEM).
function(sprout_target_options target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow)
  if(SPROUT_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()

# A Sprout library: one folder, headers beside sources, included as "folder/header.hpp".
# Installed (cmake/SproutInstall.cmake), the headers are under include/sprout/, which is
# on the include path as well as include/ (for "sprout/folder/header.hpp").
set(SPROUT_INCLUDE_INTERFACE
    $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}>
    $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}/sprout>
    $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)
# A folder without sources yet is an INTERFACE library so that dependants still link.
function(sprout_add_library name)
  cmake_parse_arguments(ARG "" "" "SOURCES;PUBLIC_DEPS" ${ARGN})
  if(ARG_SOURCES)
    add_library(${name} STATIC ${ARG_SOURCES})
    target_include_directories(${name} PUBLIC ${SPROUT_INCLUDE_INTERFACE})
    target_link_libraries(${name} PUBLIC ${ARG_PUBLIC_DEPS})
    # Public: the headers are C++20, so is every user's code that includes them.
    target_compile_features(${name} PUBLIC cxx_std_20)
    sprout_target_options(${name})
  else()
    add_library(${name} INTERFACE)
    target_include_directories(${name} INTERFACE ${SPROUT_INCLUDE_INTERFACE})
    target_link_libraries(${name} INTERFACE ${ARG_PUBLIC_DEPS})
  endif()
endfunction()
