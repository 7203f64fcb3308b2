#pragma once
// A progress line on stderr for long commands: "label  done/total  rate/s  ETA".
// Redrawn in place on a terminal; on a pipe or log file, one line every 10%.

#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <cstddef>
#include <cstdio>
#include <string>

namespace sprout::apps {

class ProgressLine {
 public:
  ProgressLine(std::string label, std::size_t total)
      : label_(std::move(label)),
        total_(total),
        tty_(isatty(fileno(stderr)) != 0),
        start_(std::chrono::steady_clock::now()) {}

  void update(std::size_t done, const std::string& extra = {}) {
    const auto now = std::chrono::steady_clock::now();
    const bool last = done >= total_;
    if (tty_) {
      if (!last && now - last_draw_ < std::chrono::milliseconds(200)) return;
    } else {
      const std::size_t decile = total_ == 0 ? 10 : done * 10 / total_;
      if (decile <= last_decile_ && !last) return;
      last_decile_ = decile;
    }
    last_draw_ = now;
    const double seconds = std::chrono::duration<double>(now - start_).count();
    const double rate = seconds > 0 ? static_cast<double>(done) / seconds : 0.0;
    const double eta = rate > 0 ? static_cast<double>(total_ - done) / rate : 0.0;
    fmt::print(stderr, "{}{}  {}/{}  {:.1f}/s  {:.0f} s elapsed  ETA {:.0f} s{}{}",
               tty_ ? "\r" : "", label_, done, total_, rate, seconds, eta,
               extra.empty() ? "" : "  ", extra);
    if (!tty_ || last) fmt::print(stderr, "\n");
    if (last) done_printed_ = true;
  }
  void finish() {
    if (!done_printed_) update(total_);
  }

 private:
  std::string label_;
  std::size_t total_;
  bool tty_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_{};
  std::size_t last_decile_ = 0;
  bool done_printed_ = false;
};

}  // namespace sprout::apps
