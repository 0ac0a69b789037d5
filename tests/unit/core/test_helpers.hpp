// Helpers for unit tests: temporary files and the paths of the project.
#pragma once

#include <filesystem>
#include <fstream>
#include <string>

namespace agglo::test {

// Writes `content` to a fresh file under the system temp folder and returns its path.
inline std::string temp_file(const std::string& name, const std::string& content) {
  const auto dir = std::filesystem::temp_directory_path() / "agglo_tests";
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
