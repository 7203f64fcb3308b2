# The Python module (python/): built when pybind11 and the Python headers are found
# (Debian: pybind11-dev, python3-dev; scripts/setup installs them), unless turned off.
# Not with the sanitizers or the fuzzers: the instrumented libraries would need the
# sanitizer runtime preloaded into python3.
option(SPROUT_PYTHON "Build the Python module if pybind11 and python3-dev are found" ON)
set(SPROUT_BUILD_PYTHON OFF)
if(SPROUT_PYTHON AND NOT SPROUT_SANITIZE AND NOT SPROUT_FUZZ)
  # Debian's interpreter, whose dist-packages the module installs into, rather than
  # another python3 that may come first on the PATH (pyenv); -DPython3_EXECUTABLE=...
  # chooses another.
  if(NOT DEFINED Python3_EXECUTABLE AND EXISTS /usr/bin/python3)
    set(Python3_EXECUTABLE /usr/bin/python3 CACHE FILEPATH "The Python of the sprout module")
  endif()
  find_package(Python3 COMPONENTS Interpreter Development.Module QUIET)
  if(Python3_FOUND)
    find_package(pybind11 2.6 CONFIG QUIET)
  endif()
  if(Python3_FOUND AND pybind11_FOUND)
    set(SPROUT_BUILD_PYTHON ON)
    # The module is a shared object: the libraries it links must be position-independent.
    # Measured to cost the engine nothing (docs/python.md, "Build"), so on for all.
    set(CMAKE_POSITION_INDEPENDENT_CODE ON)
  else()
    message(STATUS "Sprout: the Python module is not built (install pybind11-dev and "
                   "python3-dev, or run scripts/setup)")
  endif()
endif()
