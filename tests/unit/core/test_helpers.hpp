// Helpers for unit tests: temporary files and the paths of the project.
#pragma once

#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

namespace agglo::test {

// Writes `content` to a fresh file under the system temp folder and returns its path. The folder
// is the process's own: ctest runs tests of the same file in parallel processes.
inline std::filesystem::path process_temp_dir() {
  return std::filesystem::temp_directory_path() / ("agglo_tests_" + std::to_string(::getpid()));
}
// Removes the process's folder when the test program ends.
inline const struct TempDirCleanup {
  ~TempDirCleanup() {
    std::error_code ec;
    std::filesystem::remove_all(process_temp_dir(), ec);
  }
} temp_dir_cleanup;

inline std::string temp_file(const std::string& name, const std::string& content) {
  const auto dir = process_temp_dir();
  std::filesystem::create_directories(dir);
  const auto path = dir / name;
  std::ofstream f(path, std::ios::binary);
  f << content;
  return path.string();
}

inline std::string source_path(const std::string& rel) {
  return std::string(AGGLO_SOURCE_DIR) + "/" + rel;
}

}  // namespace agglo::test
