#include "io/csv_reader.hpp"

#include <iconv.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>

#include <fmt/format.h>

namespace agglo {

namespace {

constexpr size_t kChunk = 1 << 22;  // 4 MiB reads

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Converts a whole Big5/CP950 file to UTF-8; an invalid sequence is a positioned error.
std::string decode_to_utf8(const std::string& path, const std::string& raw,
                           const std::string& encoding) {
  const std::string enc = lower(encoding);
  const char* from = enc == "big5" ? "BIG5" : enc == "cp950" ? "CP950" : nullptr;
  if (!from) throw UsageError("unknown encoding \"" + encoding + "\"; use utf-8, big5 or cp950");
  iconv_t cd = iconv_open("UTF-8", from);
  if (cd == reinterpret_cast<iconv_t>(-1)) throw Error("iconv cannot convert from " + encoding);
  std::string out(raw.size() * 2 + 16, '\0');
  char* in_ptr = const_cast<char*>(raw.data());
  size_t in_left = raw.size();
  char* out_ptr = out.data();
  size_t out_left = out.size();
  while (in_left > 0) {
    if (iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left) == static_cast<size_t>(-1)) {
      if (errno == E2BIG) {
        const size_t used = static_cast<size_t>(out_ptr - out.data());
        out.resize(out.size() * 2);
        out_ptr = out.data() + used;
        out_left = out.size() - used;
        continue;
      }
      iconv_close(cd);
      const size_t offset = static_cast<size_t>(in_ptr - raw.data());
      const int64_t line = 1 + std::count(raw.begin(), raw.begin() + offset, '\n');
      const size_t line_start = raw.rfind('\n', offset == 0 ? 0 : offset - 1);
      const size_t col_byte = line_start == std::string::npos ? offset : offset - line_start - 1;
      const int64_t field =
          1 + std::count_if(raw.begin() + (line_start == std::string::npos ? 0 : line_start + 1),
                            raw.begin() + offset,
                            [](char c) { return c == ',' || c == ';' || c == '\t'; });
      throw Error(SourcePos{path, line, field},
                  fmt::format("bytes are not valid {} text (byte {} of the line, 0x{:02X}); is "
                              "the file UTF-8? try --encoding utf-8",
                              encoding, col_byte + 1, static_cast<unsigned char>(raw[offset])));
    }
  }
  iconv_close(cd);
  out.resize(static_cast<size_t>(out_ptr - out.data()));
  return out;
}

// Length of a valid UTF-8 sequence starting at s[i], or 0 when invalid.
size_t utf8_len(std::string_view s, size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
  if (n == 0 || i + n > s.size()) return 0;
  for (size_t k = 1; k < n; ++k)
    if ((static_cast<unsigned char>(s[i + k]) >> 6) != 0x2) return 0;
  return n;
}

}  // namespace

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

bool is_na_marker(std::string_view cell, const CsvOptions& opt) {
  cell = trim(cell);
  for (const auto& m : opt.na_markers)
    if (cell == m) return true;
  return false;
}

std::optional<double> parse_number(std::string_view cell, const CsvOptions& opt) {
  std::string_view s = trim(cell);
  double v = 0;
  if (!s.empty()) {
    const char* first = s.data();
    if (*first == '+') ++first;
    auto res = std::from_chars(first, s.data() + s.size(), v);
    if (res.ec == std::errc() && res.ptr == s.data() + s.size()) return v;
  }
  if (is_na_marker(s, opt)) return NAN;
  // Thousands separators: "1,234,567.5" -> digit groups of three after the first.
  if (opt.thousands && s.find(opt.thousands) != std::string_view::npos) {
    std::string plain;
    size_t i = 0;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) plain += s[i++];
    size_t group = 0, lead = 0;
    bool grouped = false;
    for (; i < s.size() && s[i] != '.'; ++i) {
      if (s[i] == opt.thousands) {
        if ((!grouped && (lead == 0 || lead > 3)) || (grouped && group != 3)) return std::nullopt;
        grouped = true;
        group = 0;
      } else if (std::isdigit(static_cast<unsigned char>(s[i]))) {
        plain += s[i];
        (grouped ? group : lead)++;
      } else {
        return std::nullopt;
      }
    }
    if (grouped && group != 3) return std::nullopt;
    plain.append(s.substr(i));
    auto res = std::from_chars(plain.data(), plain.data() + plain.size(), v);
    if (res.ec == std::errc() && res.ptr == plain.data() + plain.size()) return v;
  }
  return std::nullopt;
}

double number_or_throw(std::string_view cell, const CsvOptions& opt, const SourcePos& pos,
                       const std::string& column_name) {
  if (auto v = parse_number(cell, opt)) return *v;
  throw Error(pos, fmt::format("expected a number in column \"{}\", got \"{}\"", column_name,
                               std::string(trim(cell))));
}

CsvReader::CsvReader(const std::string& path, CsvOptions options)
    : path_(path), opt_(std::move(options)) {
  file_ = std::fopen(path.c_str(), "rb");
  if (!file_)
    throw Error(SourcePos{path, 0, 0}, std::string("cannot open file: ") + std::strerror(errno));
  std::fseek(file_, 0, SEEK_END);
  file_size_ = static_cast<uint64_t>(std::ftell(file_));
  std::fseek(file_, 0, SEEK_SET);
  const std::string enc = lower(opt_.encoding);
  if (enc != "utf-8" && enc != "utf8") {
    std::string raw(file_size_, '\0');
    if (file_size_ && std::fread(raw.data(), 1, raw.size(), file_) != raw.size())
      throw Error(SourcePos{path, 0, 0}, "cannot read file");
    buf_ = decode_to_utf8(path, raw, opt_.encoding);
    decoded_ = true;
    eof_ = true;
  } else {
    refill();
  }
  if (buf_.compare(0, 3, "\xEF\xBB\xBF") == 0) pos_ = 3;  // UTF-8 byte order mark
  // Skip leading blank lines, then detect the delimiter on the header line.
  while (true) {
    size_t nl = buf_.find('\n', pos_);
    while (nl == std::string::npos && refill()) nl = buf_.find('\n', pos_);
    std::string_view first(buf_.data() + pos_, (nl == std::string::npos ? buf_.size() : nl) - pos_);
    if (trim(first).empty()) {
      if (nl == std::string::npos)
        throw Error(SourcePos{path, 0, 0}, "the file is empty; expected a header row");
      pos_ = nl + 1;
      ++line_;
      continue;
    }
    if (opt_.delimiter) {
      delim_ = opt_.delimiter;
    } else {
      size_t counts[3] = {0, 0, 0};
      bool quoted = false;
      for (char c : first) {
        if (c == '"') quoted = !quoted;
        if (quoted) continue;
        if (c == ',') ++counts[0];
        if (c == ';') ++counts[1];
        if (c == '\t') ++counts[2];
      }
      delim_ = counts[2] > counts[0] && counts[2] >= counts[1] ? '\t'
               : counts[1] > counts[0]                         ? ';'
                                                               : ',';
    }
    break;
  }
  std::vector<std::string_view> fields;
  bool complete = false;
  while (!parse_row(fields, complete) || !complete) {
    if (complete) continue;
    if (!refill()) {
      parse_row(fields, complete);
      break;
    }
  }
  for (size_t k = 0; k < fields.size(); ++k) {
    header_.emplace_back(trim(fields[k]));
    check_utf8(header_.back(), row_line_);
  }
}

CsvReader::~CsvReader() {
  if (file_) std::fclose(file_);
}

std::optional<size_t> CsvReader::find_column(const std::string& name) const {
  for (size_t k = 0; k < header_.size(); ++k)
    if (header_[k] == name) return k;
  return std::nullopt;
}

size_t CsvReader::column(const std::string& name) const {
  if (auto k = find_column(name)) return *k;
  std::string list;
  for (const auto& h : header_) list += (list.empty() ? "" : ", ") + ("\"" + h + "\"");
  throw Error(SourcePos{path_, 1, 0}, "unknown column \"" + name + "\"; the header has " + list);
}

bool CsvReader::refill() {
  if (eof_) return false;
  if (pos_ > 0) {
    consumed_total_ += pos_;
    buf_.erase(0, pos_);
    pos_ = 0;
  }
  const size_t old = buf_.size();
  buf_.resize(old + kChunk);
  const size_t got = std::fread(buf_.data() + old, 1, kChunk, file_);
  buf_.resize(old + got);
  if (got < kChunk) eof_ = true;
  return got > 0;
}

void CsvReader::check_utf8(std::string_view text, int64_t line) const {
  if (decoded_) return;
  for (size_t i = 0; i < text.size();) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    const size_t n = utf8_len(text, i);
    if (n == 0)
      throw Error(
          SourcePos{path_, line, 0},
          fmt::format("invalid UTF-8 byte 0x{:02X} in \"{}\"; is the file Big5/CP950? try "
                      "--encoding big5",
                      static_cast<unsigned char>(text[i]), std::string(text.substr(0, 40))));
    i += n;
  }
}

// Parses one row starting at pos_. `complete` is false when the buffer ended before the row
// did (the caller refills and calls again); returns false at the end of input.
bool CsvReader::parse_row(std::vector<std::string_view>& fields, bool& complete) {
  fields.clear();
  scratch_.clear();
  complete = false;
  const char* data = buf_.data();
  const size_t n = buf_.size();
  size_t i = pos_;
  int64_t lines = 0;
  if (i >= n) {
    complete = eof_;
    return false;
  }
  // Skip blank lines.
  while (i < n && (data[i] == '\n' || data[i] == '\r')) {
    if (data[i] == '\n') ++lines;
    ++i;
  }
  if (i >= n) {
    if (!eof_) return true;  // need more input
    pos_ = i;
    line_ += lines;
    complete = true;
    return false;
  }
  const int64_t start_line = line_ + lines;
  while (true) {
    if (i < n && data[i] == '"') {
      // Quoted field: "" is an escaped quote; newlines may appear inside.
      size_t j = i + 1;
      std::string* unescaped = nullptr;
      size_t seg = j;
      bool closed = false;
      while (j < n) {
        if (data[j] == '"') {
          if (j + 1 < n && data[j + 1] == '"') {
            if (!unescaped) {
              scratch_.emplace_back();
              unescaped = &scratch_.back();
            }
            unescaped->append(data + seg, j + 1 - seg);
            j += 2;
            seg = j;
            continue;
          }
          if (j + 1 >= n && !eof_) return true;  // cannot tell yet
          closed = true;
          break;
        }
        if (data[j] == '\n') ++lines;
        ++j;
      }
      if (!closed) {
        if (!eof_) return true;
        throw Error(SourcePos{path_, start_line, static_cast<int64_t>(fields.size()) + 1},
                    "a quoted field is not closed before the end of the file");
      }
      if (unescaped) {
        unescaped->append(data + seg, j - seg);
        fields.emplace_back(*unescaped);
      } else {
        fields.emplace_back(data + i + 1, j - i - 1);
      }
      i = j + 1;
      // Allow blanks after the closing quote.
      while (i < n && (data[i] == ' ' || data[i] == '\r')) ++i;
      if (i < n && data[i] != delim_ && data[i] != '\n')
        throw Error(SourcePos{path_, start_line, static_cast<int64_t>(fields.size())},
                    fmt::format("unexpected character '{}' after a closing quote", data[i]));
    } else {
      size_t j = i;
      while (j < n && data[j] != delim_ && data[j] != '\n') ++j;
      if (j >= n && !eof_) return true;
      size_t end = j;
      if (end > i && data[end - 1] == '\r') --end;
      fields.emplace_back(data + i, end - i);
      i = j;
    }
    if (i >= n) {
      if (!eof_) return true;
      break;
    }
    if (data[i] == delim_) {
      ++i;
      if (i >= n && !eof_) return true;
      if (i >= n || data[i] == '\n') {
        fields.emplace_back();  // trailing empty field
        if (i >= n) break;
      } else {
        continue;
      }
    }
    // data[i] == '\n'
    ++i;
    ++lines;
    break;
  }
  pos_ = i;
  row_line_ = start_line;
  line_ += lines;
  complete = true;
  return true;
}

bool CsvReader::next(std::vector<std::string_view>& fields) {
  bool complete = false;
  while (true) {
    const bool got = parse_row(fields, complete);
    if (complete) {
      if (!got) return false;
      break;
    }
    if (!refill()) {
      // eof_ is now true: parse the tail once more.
      continue;
    }
  }
  if (fields.size() != header_.size()) {
    if (fields.size() == 1 && trim(fields[0]).empty()) return next(fields);
    throw Error(SourcePos{path_, row_line_,
                          static_cast<int64_t>(std::min(fields.size(), header_.size())) + 1},
                fmt::format("expected {} fields as in the header, found {}", header_.size(),
                            fields.size()));
  }
  if (!decoded_) {
    for (const auto& f : fields) {
      for (char c : f)
        if (static_cast<unsigned char>(c) >= 0x80) {
          check_utf8(f, row_line_);
          break;
        }
    }
  }
  return true;
}

}  // namespace agglo
