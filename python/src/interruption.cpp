#include "interruption.hpp"

#include <omp.h>

#include <utility>

namespace sprout::python {

namespace py = pybind11;

Interruption::Interruption(py::object progress) : progress_(std::move(progress)) {}

Interruption::~Interruption() {
  // The progress callable is released with the GIL held, whichever thread ends the call.
  py::gil_scoped_acquire gil;
  progress_ = py::object();
}

void Interruption::check(py::handle progress_arguments) {
  try {
    if (PyErr_CheckSignals() != 0) throw py::error_already_set();
    if (!progress_arguments.is_none() && !progress_.is_none()) {
      progress_(*py::reinterpret_borrow<py::tuple>(progress_arguments));
    }
  } catch (py::error_already_set& error) {
    // omp_get_level, not omp_in_parallel: a region of one thread is not "active", but an
    // exception may not leave it either.
    if (omp_get_level() > 0) {
      error_ = std::move(error);
      return;
    }
    throw;
  }
}

void Interruption::poll(std::size_t done, std::size_t total) {
  if (error_) {
    rethrow();
    return;
  }
  py::gil_scoped_acquire gil;
  check(progress_.is_none() ? py::object(py::none()) : py::object(py::make_tuple(done, total)));
}

void Interruption::poll() {
  if (error_) {
    rethrow();
    return;
  }
  py::gil_scoped_acquire gil;
  check(py::none());
}

void Interruption::rethrow() {
  if (!error_ || omp_get_level() > 0) return;
  py::error_already_set error = std::move(*error_);
  error_.reset();
  throw error;
}

}  // namespace sprout::python
