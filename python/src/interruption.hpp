#pragma once
// Ctrl-C and progress during a long call that runs without the GIL. The call polls now and
// then from the thread that called it: the poll takes the GIL, runs Python's signal
// handlers (a Ctrl-C raises KeyboardInterrupt there) and the caller's progress callback.
// An exception raised by either stops the call: it is thrown at once, or, inside an
// OpenMP parallel region (which an exception may not leave), at the next poll or
// rethrow() outside it. pybind11 then raises it in Python.

#include <pybind11/pybind11.h>

#include <cstddef>
#include <optional>

namespace sprout::python {

class Interruption {
 public:
  // `progress`: None, or a callable that poll(done, total) calls with (done, total).
  explicit Interruption(pybind11::object progress = pybind11::none());
  Interruption(const Interruption&) = delete;
  Interruption& operator=(const Interruption&) = delete;
  ~Interruption();

  // From the calling thread, with the GIL released.
  void poll(std::size_t done, std::size_t total);
  // Signals only.
  void poll();
  // Throws what a poll inside a parallel region caught, if anything.
  void rethrow();
  // Calls `report`(progress callable) with the GIL held, as poll does; for callers whose
  // progress is more than (done, total).
  template <class Report>
  void poll_with(Report&& report);

  [[nodiscard]] bool has_progress() const { return !progress_.is_none(); }

 private:
  void check(pybind11::handle progress_arguments);

  pybind11::object progress_;
  std::optional<pybind11::error_already_set> error_;
};

template <class Report>
void Interruption::poll_with(Report&& report) {
  if (error_) {
    rethrow();
    return;
  }
  pybind11::gil_scoped_acquire gil;
  pybind11::object arguments = report();
  check(arguments);
}

}  // namespace sprout::python
