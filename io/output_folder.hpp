#pragma once
// The output folder of a command (`--out`), checked before any work and held for the
// run's life:
//  - the path is not empty and its folder can be created and written;
//  - no input of the command is inside what it will write (an output never overwrites an
//    input);
//  - an exclusive lock (flock on OUT/.sprout.lock) keeps a second run out while this one
//    writes; the kernel drops it when the process ends, however it ends;
//  - a folder that already holds the command's results is refused unless the command
//    continues it (resume) or the user asked to replace it (--force).

#include <filesystem>
#include <span>
#include <string>
#include <vector>

namespace sprout::io {

enum class ExistingResults {
  kRefuse,    // a new run: results already there are an error
  kContinue,  // resume: the results are this run's own
  kReplace,   // --force
};

class OutputFolder {
 public:
  // `option` names the folder in errors ("--out"); `results` are the files whose presence
  // means the folder holds a run (e.g. {"results.json", "checkpoint.bin"}); `inputs` the
  // files the command reads. Throws std::runtime_error with one line on any failure.
  OutputFolder(std::filesystem::path folder, std::string option,
               std::span<const std::string> results, std::span<const std::filesystem::path> inputs,
               ExistingResults existing);
  // Releases the lock; a folder this object created and the command left empty is removed.
  ~OutputFolder();
  OutputFolder(const OutputFolder&) = delete;
  OutputFolder& operator=(const OutputFolder&) = delete;

  [[nodiscard]] const std::filesystem::path& path() const { return folder_; }
  [[nodiscard]] std::filesystem::path operator/(const std::string& name) const {
    return folder_ / name;
  }

 private:
  std::filesystem::path folder_;
  int lock_fd_ = -1;
  bool created_ = false;  // by this object: removed again if the command left nothing in it
};

// An output file (`--out report.json`) with the same checks: not empty, not an input (nor
// an existing file inside an input folder), its folder writable, and not overwritten unless
// `replace`.
void check_output_file(const std::filesystem::path& file, const std::string& option,
                       std::span<const std::filesystem::path> inputs, bool replace);

}  // namespace sprout::io
