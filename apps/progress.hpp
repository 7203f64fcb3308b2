#pragma once
// A progress line on stderr for long passes:
//   "epoch 1/16, learning features: 12000/60000 images (20%), 54 s, about 3 min 36 s left"
// On a terminal it is one live line, redrawn at most five times a second and closed with
// the pass's duration. In a log or a pipe it is a line whenever another tenth is done, at
// most one a second (the first after three seconds), and a closing line for passes that took a
// second or more: a short pass (a BP epoch of 0.3 s) leaves only its caller's summary line.
// Under MPI only rank 0 shows progress.

#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <string>
#include <string_view>

#include "distributed/communicator.hpp"

namespace sprout::apps {

// "0.4 s", "38 s", "4 min 12 s", "1 h 05 min".
inline std::string format_duration(double seconds) {
  if (seconds < 9.95) return fmt::format("{:.1f} s", seconds);
  const auto whole = static_cast<long long>(std::lround(seconds));
  if (whole < 60) return fmt::format("{} s", whole);
  if (whole < 3600) return fmt::format("{} min {:02} s", whole / 60, whole % 60);
  return fmt::format("{} h {:02} min", whole / 3600, (whole % 3600) / 60);
}

// A stage of a command's main job on stdout: "== <name>: <what> ==" when it opens,
// "== <name>: done in <duration> ==" when it closes.
class Stage {
 public:
  Stage(std::string name, std::string_view what) : name_(std::move(name)) {
    fmt::print("== {}: {} ==\n", name_, what);
    std::fflush(stdout);
  }
  Stage(const Stage&) = delete;
  Stage& operator=(const Stage&) = delete;
  void done() {
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    fmt::print("== {}: done in {} ==\n", name_, format_duration(seconds));
    std::fflush(stdout);
  }

 private:
  std::string name_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

class ProgressLine {
 public:
  // `unit` names what is counted ("images"); the rate is shown per unit.
  ProgressLine(std::string label, std::size_t total, std::string unit = "images")
      : label_(std::move(label)),
        unit_(std::move(unit)),
        total_(total),
        tty_(isatty(fileno(stderr)) != 0),
        quiet_(!distributed::Communicator::world().is_root()),
        start_(std::chrono::steady_clock::now()),
        last_line_(start_) {}
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;

  void update(std::size_t done, const std::string& extra = {}) {
    if (finished_) return;
    if (done >= total_) {
      finish(extra);
      return;
    }
    const auto now = std::chrono::steady_clock::now();
    if (tty_) {
      if (now - last_line_ < std::chrono::milliseconds(200)) return;
    } else {
      // An early line names a long pass and its time left; then one per tenth.
      const std::size_t tenth = total_ == 0 ? 10 : done * 10 / total_;
      const bool early = !printed_ && now - start_ >= std::chrono::seconds(3);
      if ((tenth <= last_tenth_ && !early) || now - last_line_ < std::chrono::seconds(1)) return;
      last_tenth_ = tenth;
    }
    last_line_ = now;
    const double seconds = elapsed_s(now);
    const double fraction =
        total_ == 0 ? 1.0 : static_cast<double>(done) / static_cast<double>(total_);
    // The time left is an estimate only once a little of the pass has been timed.
    const std::string left =
        fraction >= 0.01 && seconds >= 1.0
            ? fmt::format(", about {} left", format_duration(seconds * (1 - fraction) / fraction))
            : "";
    print(fmt::format("{}: {}/{} {} ({:.0f}%), {}{}{}", label_, done, total_, unit_, 100 * fraction,
                      format_duration(seconds), left, extra.empty() ? "" : ", " + extra),
          false);
    printed_ = true;
  }

  // Closes the line with the pass's duration (once; update(total) calls it).
  void finish(const std::string& extra = {}) {
    if (finished_) return;
    finished_ = true;
    const double seconds = elapsed_s(std::chrono::steady_clock::now());
    if (!tty_ && !printed_ && seconds < 1.0) return;
    // Two significant digits below 10 per second: a slow pass reads "0.41 networks/s", not 0.
    const double rate = seconds > 0 ? static_cast<double>(total_) / seconds : 0.0;
    print(
        fmt::format("{}: {} {} in {} ({} {}/s){}", label_, total_, unit_, format_duration(seconds),
                    rate >= 10 ? fmt::format("{:.0f}", rate) : fmt::format("{:.2g}", rate), unit_,
                    extra.empty() ? "" : ", " + extra),
        true);
  }

 private:
  double elapsed_s(std::chrono::steady_clock::time_point now) const {
    return std::chrono::duration<double>(now - start_).count();
  }
  void print(const std::string& text, bool last) {
    if (quiet_) return;
    // \33[K clears what a longer earlier line left on the terminal.
    if (tty_)
      fmt::print(stderr, "\r{}\33[K{}", text, last ? "\n" : "");
    else
      fmt::print(stderr, "{}\n", text);
    std::fflush(stderr);
  }

  std::string label_;
  std::string unit_;
  std::size_t total_;
  bool tty_;
  bool quiet_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_line_;
  std::size_t last_tenth_ = 0;
  bool printed_ = false;
  bool finished_ = false;
};

}  // namespace sprout::apps
