// A progress bar on the terminal (stderr) for long reads and computations; silent when stderr
// is not a terminal.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace agglo::cli {

class ProgressBar {
 public:
  explicit ProgressBar(std::string label);
  ~ProgressBar();
  void update(uint64_t done, uint64_t total);

 private:
  std::string label_;
  bool active_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_, last_;
};

}  // namespace agglo::cli
