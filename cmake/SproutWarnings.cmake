# Applied to every Sprout target (not to third-party headers, which are SYSTEM).
function(sprout_target_options target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow)
  if(SPROUT_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()

# A Sprout library: one folder, headers beside sources, included as "folder/header.hpp".
# A folder without sources yet is an INTERFACE library so that dependants still link.
function(sprout_add_library name)
  cmake_parse_arguments(ARG "" "" "SOURCES;PUBLIC_DEPS" ${ARGN})
  if(ARG_SOURCES)
    add_library(${name} STATIC ${ARG_SOURCES})
    target_include_directories(${name} PUBLIC ${PROJECT_SOURCE_DIR})
    target_link_libraries(${name} PUBLIC ${ARG_PUBLIC_DEPS})
    sprout_target_options(${name})
  else()
    add_library(${name} INTERFACE)
    target_include_directories(${name} INTERFACE ${PROJECT_SOURCE_DIR})
    target_link_libraries(${name} INTERFACE ${ARG_PUBLIC_DEPS})
  endif()
endfunction()
