#include "progress.hpp"

#include <unistd.h>

#include <cstdio>

namespace agglo::cli {

ProgressBar::ProgressBar(std::string label)
    : label_(std::move(label)), active_(isatty(STDERR_FILENO) == 1) {
  start_ = last_ = std::chrono::steady_clock::now();
}

ProgressBar::~ProgressBar() {
  if (drawn_) std::fprintf(stderr, "\r\033[K");
}

void ProgressBar::update(uint64_t done, uint64_t total) {
  if (!active_ || total == 0) return;
  const auto now = std::chrono::steady_clock::now();
  const double elapsed = std::chrono::duration<double>(now - start_).count();
  if (elapsed < 0.5 || (now - last_) < std::chrono::milliseconds(100))
    return;  // short jobs: no bar
  last_ = now;
  const double frac = static_cast<double>(done) / static_cast<double>(total);
  const int width = 30;
  const int filled = static_cast<int>(frac * width);
  const double eta = frac > 0 ? elapsed * (1 - frac) / frac : 0;
  std::fprintf(stderr, "\r%s [%.*s%*s] %3.0f%%  %.0fs left", label_.c_str(), filled,
               "##############################", width - filled, "", 100 * frac, eta);
  std::fflush(stderr);
  drawn_ = true;
}

}  // namespace agglo::cli
