#include "io/store.hpp"

#include <openssl/evp.h>
#include <sqlite3.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>

#include <fmt/format.h>

#include "core/error.hpp"

namespace agglo {

namespace {

// Thin RAII wrapper over a prepared statement.
class Statement {
 public:
  Statement(sqlite3* db, const std::string& sql) : db_(db) {
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt_, nullptr) != SQLITE_OK)
      throw Error(std::string("project store: ") + sqlite3_errmsg(db));
  }
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  void bind(int k, const std::string& s) {
    sqlite3_bind_text(stmt_, k, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
  }
  void bind(int k, int64_t v) { sqlite3_bind_int64(stmt_, k, v); }
  bool step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    throw Error(std::string("project store: ") + sqlite3_errmsg(db_));
  }
  void reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  std::string text(int k) const {
    const auto* p = sqlite3_column_text(stmt_, k);
    return p ? std::string(reinterpret_cast<const char*>(p),
                           static_cast<size_t>(sqlite3_column_bytes(stmt_, k)))
             : "";
  }
  int64_t integer(int k) const { return sqlite3_column_int64(stmt_, k); }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

void exec(sqlite3* db, const std::string& sql) {
  char* err = nullptr;
  if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = err ? err : "unknown error";
    sqlite3_free(err);
    throw Error("project store: " + msg);
  }
}

std::string now_utc() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// Schema migrations, applied in order; user_version records how many have run.
const char* const kMigrations[] = {
    // 1: datasets with provenance, their columns and cells (one row per source row).
    "CREATE TABLE dataset (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, file TEXT, sha256 "
    "TEXT,"
    " imported_at TEXT, rows INTEGER, columns_json TEXT, source TEXT, unit TEXT, classification "
    "TEXT);"
    "CREATE TABLE dataset_column (dataset_id INTEGER NOT NULL REFERENCES dataset(id) ON DELETE "
    "CASCADE,"
    " position INTEGER NOT NULL, name TEXT NOT NULL, PRIMARY KEY (dataset_id, position));"
    "CREATE TABLE dataset_row (dataset_id INTEGER NOT NULL REFERENCES dataset(id) ON DELETE "
    "CASCADE,"
    " row INTEGER NOT NULL, line INTEGER NOT NULL, cells TEXT NOT NULL, PRIMARY KEY (dataset_id, "
    "row))"
    " WITHOUT ROWID;"
    "CREATE TABLE result (id INTEGER PRIMARY KEY, name TEXT NOT NULL, measure TEXT, params_json "
    "TEXT,"
    " created_at TEXT, content_json TEXT);",
};

// Cells of one row packed as unit-separator-joined text (codes stay text: leading zeros kept).
std::string pack(const TextTable& t, size_t r) {
  std::string s;
  for (size_t c = 0; c < t.cols(); ++c) {
    if (c) s += '\x1f';
    s += t.text(r, c);
  }
  return s;
}

}  // namespace

std::string sha256_file(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  if (!f) throw Error(SourcePos{path, 0, 0}, "cannot open file");
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  EVP_DigestInit_ex(ctx, EVP_sha256(), nullptr);
  std::vector<char> buf(1 << 20);
  while (f) {
    f.read(buf.data(), static_cast<std::streamsize>(buf.size()));
    EVP_DigestUpdate(ctx, buf.data(), static_cast<size_t>(f.gcount()));
  }
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_DigestFinal_ex(ctx, md, &len);
  EVP_MD_CTX_free(ctx);
  std::string hex;
  for (unsigned int k = 0; k < len; ++k) hex += fmt::format("{:02x}", md[k]);
  return hex;
}

void Store::init(const std::string& path) {
  if (std::filesystem::exists(path))
    throw Error(SourcePos{path, 0, 0}, "a file of that name exists already");
  Store s(path);  // opening creates and migrates
}

Store::Store(const std::string& path) : path_(path) {
  const bool existed = std::filesystem::exists(path);
  if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) !=
      SQLITE_OK) {
    std::string msg = db_ ? sqlite3_errmsg(db_) : "cannot open";
    sqlite3_close(db_);
    db_ = nullptr;
    throw Error(SourcePos{path, 0, 0}, "cannot open the project store: " + msg);
  }
  try {
    if (existed) {
      // A file that is not a project: no dataset table and a non-zero size.
      Statement q(db_, "SELECT count(*) FROM sqlite_master WHERE name = 'dataset'");
      q.step();
      if (q.integer(0) == 0 && std::filesystem::file_size(path) > 0)
        throw Error(SourcePos{path, 0, 0},
                    "not an agglo project (create one with: agglo project init FILE)");
    }
    exec(db_, "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON;");
    migrate();
  } catch (const std::exception& e) {
    sqlite3_close(db_);
    db_ = nullptr;
    if (const auto* err = dynamic_cast<const Error*>(&e)) throw *err;
    throw Error(SourcePos{path, 0, 0}, e.what());
  }
}

Store::~Store() {
  if (db_) sqlite3_close(db_);
}

void Store::migrate() {
  Statement v(db_, "PRAGMA user_version");
  v.step();
  const int64_t version = v.integer(0);
  const int64_t target = static_cast<int64_t>(sizeof kMigrations / sizeof kMigrations[0]);
  if (version > target)
    throw Error(SourcePos{path_, 0, 0},
                fmt::format("the project was written by a newer agglo (schema {})", version));
  for (int64_t k = version; k < target; ++k) {
    exec(db_, "BEGIN");
    try {
      exec(db_, kMigrations[k]);
      exec(db_, fmt::format("PRAGMA user_version = {}", k + 1));
      exec(db_, "COMMIT");
    } catch (...) {
      exec(db_, "ROLLBACK");
      throw;
    }
  }
}

bool Store::has_dataset(const std::string& name) const {
  Statement q(db_, "SELECT 1 FROM dataset WHERE name = ?");
  q.bind(1, name);
  return q.step();
}

void Store::import_table(const TextTable& table, const DatasetInfo& info, bool replace) {
  if (info.name.empty()) throw UsageError("a dataset needs a name (--as NAME)");
  exec(db_, "BEGIN IMMEDIATE");
  try {
    if (has_dataset(info.name)) {
      if (!replace) throw Error(fmt::format("the project has a dataset \"{}\" already", info.name));
      Statement del(db_, "DELETE FROM dataset WHERE name = ?");
      del.bind(1, info.name);
      del.step();
    }
    Statement ins(
        db_,
        "INSERT INTO dataset (name, file, sha256, imported_at, rows, columns_json, source, unit,"
        " classification) VALUES (?,?,?,?,?,?,?,?,?)");
    ins.bind(1, info.name);
    ins.bind(2, info.file);
    ins.bind(3, info.sha256);
    ins.bind(4, info.imported_at.empty() ? now_utc() : info.imported_at);
    ins.bind(5, static_cast<int64_t>(table.rows()));
    ins.bind(6, info.columns.is_null() ? std::string("{}") : info.columns.dump());
    ins.bind(7, info.source);
    ins.bind(8, info.unit);
    ins.bind(9, info.classification);
    ins.step();
    const int64_t id = sqlite3_last_insert_rowid(db_);
    Statement col(db_, "INSERT INTO dataset_column (dataset_id, position, name) VALUES (?,?,?)");
    for (size_t c = 0; c < table.cols(); ++c) {
      col.reset();
      col.bind(1, id);
      col.bind(2, static_cast<int64_t>(c));
      col.bind(3, table.header[c]);
      col.step();
    }
    Statement row(db_, "INSERT INTO dataset_row (dataset_id, row, line, cells) VALUES (?,?,?,?)");
    for (size_t r = 0; r < table.rows(); ++r) {
      row.reset();
      row.bind(1, id);
      row.bind(2, static_cast<int64_t>(r));
      row.bind(3, table.lines[r]);
      row.bind(4, pack(table, r));
      row.step();
    }
    exec(db_, "COMMIT");
  } catch (...) {
    exec(db_, "ROLLBACK");
    throw;
  }
}

std::vector<DatasetInfo> Store::datasets() const {
  Statement q(
      db_,
      "SELECT name, file, sha256, imported_at, rows, columns_json, source, unit, classification"
      " FROM dataset ORDER BY name");
  std::vector<DatasetInfo> out;
  while (q.step()) {
    DatasetInfo d;
    d.name = q.text(0);
    d.file = q.text(1);
    d.sha256 = q.text(2);
    d.imported_at = q.text(3);
    d.rows = q.integer(4);
    d.columns = nlohmann::json::parse(q.text(5).empty() ? "{}" : q.text(5));
    d.source = q.text(6);
    d.unit = q.text(7);
    d.classification = q.text(8);
    out.push_back(std::move(d));
  }
  return out;
}

TextTable Store::load(const std::string& name) const {
  Statement q(db_, "SELECT id, file FROM dataset WHERE name = ?");
  q.bind(1, name);
  if (!q.step())
    throw Error(SourcePos{path_, 0, 0}, fmt::format("no dataset \"{}\" in the project", name));
  const int64_t id = q.integer(0);
  TextTable t;
  t.source = q.text(1).empty() ? path_ + ":" + name : q.text(1);
  Statement cols(db_, "SELECT name FROM dataset_column WHERE dataset_id = ? ORDER BY position");
  cols.bind(1, id);
  while (cols.step()) t.header.push_back(cols.text(0));
  Statement rows(db_, "SELECT line, cells FROM dataset_row WHERE dataset_id = ? ORDER BY row");
  rows.bind(1, id);
  while (rows.step()) {
    t.lines.push_back(rows.integer(0));
    const std::string cells = rows.text(1);
    size_t start = 0;
    for (size_t c = 0; c < t.header.size(); ++c) {
      size_t end = cells.find('\x1f', start);
      if (end == std::string::npos) end = cells.size();
      t.cells.push_back(cells.substr(start, end - start));
      start = end + 1;
    }
  }
  return t;
}

}  // namespace agglo
