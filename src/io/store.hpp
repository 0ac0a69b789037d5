// The project store: one SQLite file (*.agglo) holding datasets with their provenance, and
// saved results. Versioned schema (PRAGMA user_version) with migrations; WAL mode. An import
// is one transaction: all or nothing.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "io/text_table.hpp"

struct sqlite3;

namespace agglo {

struct DatasetInfo {
  std::string name;
  std::string file;         // imported file name
  std::string sha256;       // of the file's bytes
  std::string imported_at;  // UTC, ISO 8601
  int64_t rows = 0;
  nlohmann::json columns;  // column mapping used at import (role -> header)
  std::string source;      // free text: who published the data
  std::string unit;
  std::string classification;  // e.g. NAICS 2017
};

class Store {
 public:
  static constexpr int kSchemaVersion = 1;

  // Creates a new project file; an existing file is an error.
  static void init(const std::string& path);
  // Opens an existing project (migrating an older schema); a file that is not a project is an
  // error.
  explicit Store(const std::string& path);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  const std::string& path() const { return path_; }
  // Stores `table` under info.name in one transaction; a name that exists is an error unless
  // `replace`. On any error the store is left exactly as it was.
  void import_table(const TextTable& table, const DatasetInfo& info, bool replace = false);
  std::vector<DatasetInfo> datasets() const;
  bool has_dataset(const std::string& name) const;
  // The stored table, with the original source lines so errors still point into the file.
  TextTable load(const std::string& name) const;

 private:
  void migrate();
  sqlite3* db_ = nullptr;
  std::string path_;
};

// SHA-256 of a file's bytes, as lowercase hex.
std::string sha256_file(const std::string& path);

}  // namespace agglo
