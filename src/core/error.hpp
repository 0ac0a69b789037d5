// Errors a user can act on: every data error can carry the source position (file:line:col).
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>

namespace agglo {

// Where a value came from: a file (or a stored dataset) with 1-based line and column.
// line/column 0 means "not known".
struct SourcePos {
  std::string file;
  int64_t line = 0;
  int64_t column = 0;

  std::string to_string() const;  // "file:line:col" (parts that are unknown are left out)
};

// A data or computation error (exit code 1). what() reads "file:line:col: message".
class Error : public std::runtime_error {
 public:
  explicit Error(const std::string& message);
  Error(const SourcePos& pos, const std::string& message);
  const SourcePos& pos() const { return pos_; }
  const std::string& message() const { return message_; }

 private:
  SourcePos pos_;
  std::string message_;
};

// A mistake in how a command or measure was called (exit code 2).
class UsageError : public Error {
 public:
  using Error::Error;
};

}  // namespace agglo
