#include "io/writers.hpp"

#include <omp.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cstring>
#include <exception>
#include <fstream>
#include <future>
#include <map>
#include <memory>
#include <string_view>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/error.hpp"

namespace agglo {

namespace {

// A growable output buffer; unlike std::string it does not zero what it reserves.
class OutBuf {
 public:
  // Room for n more bytes at the returned position; commit() the end written.
  char* room(size_t n) {
    if (size_ + n > cap_) {
      const size_t cap = std::max(size_ + n, 2 * cap_ + 4096);
      std::unique_ptr<char[]> grown(new char[cap]);
      if (size_) std::memcpy(grown.get(), data_.get(), size_);
      data_ = std::move(grown);
      cap_ = cap;
    }
    return data_.get() + size_;
  }
  void commit(const char* end) { size_ = static_cast<size_t>(end - data_.get()); }
  void append(std::string_view s) {
    char* p = room(s.size());
    std::memcpy(p, s.data(), s.size());
    size_ += s.size();
  }
  void push(char c) {
    *room(1) = c;
    ++size_;
  }
  void pad(size_t n) {
    std::memset(room(n), ' ', n);
    size_ += n;
  }
  void clear() { size_ = 0; }
  const char* data() const { return data_.get(); }
  size_t size() const { return size_; }

 private:
  std::unique_ptr<char[]> data_;
  size_t size_ = 0, cap_ = 0;
};

// Formats rows [0, n) block by block with format(buf, begin, end) and writes the blocks to
// `out` in order, with few large writes. Blocks are formatted in parallel a batch at a time
// (dynamic: a thread that is held up elsewhere does not hold the others up, and a thread that
// is done does not wait on a busy one more than once per batch).
template <class Format>
void write_row_blocks(std::ostream& out, size_t n, const Format& format) {
  constexpr size_t kBlockRows = 1 << 13;
  const size_t blocks = (n + kBlockRows - 1) / kBlockRows;
  const auto threads = static_cast<size_t>(std::max(1, omp_get_max_threads()));
  if (blocks <= 1 || threads == 1) {
    OutBuf buf;
    for (size_t b = 0; b < blocks; ++b) {
      buf.clear();
      format(buf, b * kBlockRows, std::min(n, (b + 1) * kBlockRows));
      out.write(buf.data(), static_cast<std::streamsize>(buf.size()));
    }
    return;
  }
  // Two sets of batch buffers: while one batch is written (on its own thread, in order), the
  // next is formatted into the other set.
  const size_t batch = 4 * threads;
  std::vector<OutBuf> sets[2];
  std::future<void> writing;  // the write of the previous batch
  auto write_set = [&out](const std::vector<OutBuf>* set, size_t count) {
    for (size_t k = 0; k < count; ++k)
      out.write((*set)[k].data(), static_cast<std::streamsize>((*set)[k].size()));
  };
  for (size_t first = 0, i = 0; first < blocks; first += batch, ++i) {
    const size_t count = std::min(batch, blocks - first);
    std::vector<OutBuf>& bufs = sets[i % 2];
    bufs.resize(std::max(bufs.size(), count));
    std::exception_ptr error;
#pragma omp parallel for schedule(dynamic, 1)
    for (size_t k = 0; k < count; ++k) {
      const size_t b = first + k;
      try {
        bufs[k].clear();
        format(bufs[k], b * kBlockRows, std::min(n, (b + 1) * kBlockRows));
      } catch (...) {
#pragma omp critical(agglo_writer_error)
        if (!error) error = std::current_exception();
      }
    }
    if (writing.valid()) writing.get();  // the other set is free again, the order kept
    if (error) std::rethrow_exception(error);
    writing = std::async(std::launch::async, write_set, &bufs, count);
  }
  if (writing.valid()) writing.get();
}

// ---- CSV ----

bool csv_needs_quotes(std::string_view s) {
  return s.find_first_of(",\"\n\r") != std::string_view::npos;
}

void append_csv_field(OutBuf& buf, std::string_view s) {
  if (!csv_needs_quotes(s)) return buf.append(s);
  buf.push('"');
  for (char c : s) {
    if (c == '"') buf.push('"');
    buf.push(c);
  }
  buf.push('"');
}

std::string csv_quote(std::string_view s) {
  OutBuf buf;
  append_csv_field(buf, s);
  return std::string(buf.data(), buf.size());
}

// How one column's cells are written: encoded text columns format each label once.
struct CellWriter {
  const Column* col = nullptr;
  std::vector<std::string> label_text;  // per label, when col->text.is_encoded()
};

// ---- JSON (the bytes nlohmann::json::dump(1) writes for the same document) ----

// A JSON string literal as nlohmann::json writes it (its escapes and its UTF-8 check).
void append_json_string(OutBuf& buf, std::string_view s) {
  const bool plain = std::all_of(s.begin(), s.end(), [](char ch) {
    const auto c = static_cast<unsigned char>(ch);
    return c >= 0x20 && c < 0x80 && c != '"' && c != '\\';
  });
  if (plain) {
    buf.push('"');
    buf.append(s);
    buf.push('"');
  } else {
    buf.append(nlohmann::json(std::string(s)).dump());
  }
}

std::string json_string(std::string_view s) {
  OutBuf buf;
  append_json_string(buf, s);
  return std::string(buf.data(), buf.size());
}

// A number as nlohmann::json writes a double (its own shortest form, "2.0" for 2); NA is null.
void append_json_number(OutBuf& buf, double v) {
  if (!std::isfinite(v)) return buf.append("null");
  char* p = buf.room(64);
  buf.commit(nlohmann::detail::to_chars(p, p + 64, v));
}

// The fields of a row object in the order nlohmann's (sorted) object gives them; a repeated
// column name keeps its last column, as assigning the key again does.
struct JsonField {
  std::string prefix;  // indentation, quoted key and ": "
  CellWriter cells;
};

std::vector<JsonField> json_fields(const Table& t, int indent) {
  std::map<std::string, size_t> last;
  for (size_t c = 0; c < t.cols(); ++c) last[t.columns()[c].name] = c;
  std::vector<JsonField> fields;
  for (const auto& [name, c] : last) {
    JsonField f;
    f.prefix = std::string(static_cast<size_t>(indent), ' ') + json_string(name) + ": ";
    f.cells.col = &t.columns()[c];
    if (f.cells.col->type == ColumnType::Text && f.cells.col->text.is_encoded())
      for (const auto& label : f.cells.col->text.labels())
        f.cells.label_text.push_back(json_string(label));
    fields.push_back(std::move(f));
  }
  return fields;
}

// The rows of `t` as a JSON array whose bracket stands at `indent` (the "[" itself already
// positioned by the caller).
void write_json_rows(const Table& t, int indent, std::ostream& out) {
  const size_t n = t.rows();
  if (n == 0) {
    out << "[]";
    return;
  }
  out << "[\n";
  const std::vector<JsonField> fields = json_fields(t, indent + 2);
  const std::string open = std::string(static_cast<size_t>(indent + 1), ' ') + "{\n";
  std::string close(static_cast<size_t>(indent + 3), ' ');  // "\n", indentation, "}"
  close.front() = '\n';
  close.back() = '}';
  write_row_blocks(out, n, [&](OutBuf& buf, size_t begin, size_t end) {
    for (size_t r = begin; r < end; ++r) {
      buf.append(open);
      for (size_t f = 0; f < fields.size(); ++f) {
        if (f) buf.append(",\n");
        buf.append(fields[f].prefix);
        const CellWriter& w = fields[f].cells;
        if (w.col->type == ColumnType::Number)
          append_json_number(buf, w.col->number[r]);
        else if (!w.label_text.empty())
          buf.append(w.label_text[w.col->text.codes()[r]]);
        else
          append_json_string(buf, w.col->text[r]);
      }
      buf.append(close);
      if (r + 1 < n) buf.append(",\n");
    }
  });
  out << '\n' << std::string(static_cast<size_t>(indent), ' ') << ']';
}

}  // namespace

void write_csv(const Table& t, std::ostream& out) {
  {
    OutBuf head;
    for (size_t c = 0; c < t.cols(); ++c) {
      if (c) head.push(',');
      append_csv_field(head, t.columns()[c].name);
    }
    head.push('\n');
    out.write(head.data(), static_cast<std::streamsize>(head.size()));
  }
  // How each column is written. Labels of encoded columns are quoted once, into 16-byte slots
  // when they all fit (copied with one fixed-size move); a row's room is reserved once.
  enum class Kind { Number, ShortLabel, Label, Plain };
  struct CsvColumn {
    Kind kind = Kind::Number;
    const Column* col = nullptr;
    std::vector<char> slots;          // ShortLabel: 16 bytes per label
    std::vector<uint8_t> lengths;     // ShortLabel: the quoted label's length
    std::vector<std::string> quoted;  // Label: per label
  };
  std::vector<CsvColumn> cols(t.cols());
  size_t row_room = t.cols() + 1;  // separators and newline
  bool any_plain = false;
  for (size_t c = 0; c < t.cols(); ++c) {
    CsvColumn& w = cols[c];
    w.col = &t.columns()[c];
    if (w.col->type == ColumnType::Number) {
      row_room += kMaxNumberChars;
      continue;
    }
    if (!w.col->text.is_encoded()) {
      w.kind = Kind::Plain;
      any_plain = true;
      continue;
    }
    size_t longest = 0;
    for (const auto& label : w.col->text.labels()) {
      w.quoted.push_back(csv_quote(label));
      longest = std::max(longest, w.quoted.back().size());
    }
    if (longest <= 16) {
      w.kind = Kind::ShortLabel;
      w.slots.assign(16 * w.quoted.size(), ' ');
      for (size_t k = 0; k < w.quoted.size(); ++k) {
        std::memcpy(w.slots.data() + 16 * k, w.quoted[k].data(), w.quoted[k].size());
        w.lengths.push_back(static_cast<uint8_t>(w.quoted[k].size()));
      }
      row_room += 16;
    } else {
      w.kind = Kind::Label;
      row_room += longest;
    }
  }
  write_row_blocks(out, t.rows(), [&](OutBuf& buf, size_t begin, size_t end) {
    for (size_t r = begin; r < end; ++r) {
      size_t room = row_room;
      if (any_plain)  // a quoted field is at most twice as long plus the quotes
        for (const CsvColumn& w : cols)
          if (w.kind == Kind::Plain) room += 2 * w.col->text[r].size() + 2;
      char* p = buf.room(room);
      for (size_t c = 0; c < cols.size(); ++c) {
        if (c) *p++ = ',';
        const CsvColumn& w = cols[c];
        switch (w.kind) {
          case Kind::Number:
            p = format_number_to(p, w.col->number[r]);
            break;
          case Kind::ShortLabel: {
            const TextValues::Code k = w.col->text.codes()[r];
            std::memcpy(p, w.slots.data() + 16 * static_cast<size_t>(k), 16);
            p += w.lengths[k];
            break;
          }
          case Kind::Label: {
            const std::string& q = w.quoted[w.col->text.codes()[r]];
            std::memcpy(p, q.data(), q.size());
            p += q.size();
            break;
          }
          case Kind::Plain: {
            const std::string& v = w.col->text[r];
            if (!csv_needs_quotes(v)) {
              std::memcpy(p, v.data(), v.size());
              p += v.size();
            } else {
              *p++ = '"';
              for (char ch : v) {
                if (ch == '"') *p++ = '"';
                *p++ = ch;
              }
              *p++ = '"';
            }
            break;
          }
        }
      }
      *p++ = '\n';
      buf.commit(p);
    }
  });
}

void write_csv_file(const Table& t, const std::string& path) {
  std::ofstream f(path, std::ios::binary);
  if (!f) throw Error(SourcePos{path, 0, 0}, "cannot write file");
  write_csv(t, f);
  if (!f) throw Error(SourcePos{path, 0, 0}, "error while writing file");
}

void write_json(const NamedTables& tables, std::ostream& out) {
  std::map<std::string, const Table*> sorted;  // sorted by name; a repeated name keeps the last
  for (const auto& [name, t] : tables) sorted[name] = &t;
  if (sorted.empty()) {
    out << "{}\n";
    return;
  }
  out << "{\n";
  bool first = true;
  for (const auto& [name, t] : sorted) {
    out << (first ? "" : ",\n") << ' ' << json_string(name) << ": ";
    write_json_rows(*t, 1, out);
    first = false;
  }
  out << "\n}\n";
}

void write_json_table(const Table& t, std::ostream& out) {
  write_json_rows(t, 0, out);
  out << '\n';
}

void write_xlsx(const NamedTables& tables, const std::string& path) {
  lxw_workbook* wb = workbook_new(path.c_str());
  if (!wb) throw Error(SourcePos{path, 0, 0}, "cannot create the XLSX file");
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);
  for (const auto& [name, t] : tables) {
    std::string sheet_name = name.substr(0, 31);  // Excel's limit
    lxw_worksheet* ws = workbook_add_worksheet(wb, sheet_name.c_str());
    for (size_t c = 0; c < t.cols(); ++c)
      worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), t.columns()[c].name.c_str(), bold);
    for (size_t r = 0; r < t.rows(); ++r) {
      for (size_t c = 0; c < t.cols(); ++c) {
        const auto& col = t.columns()[c];
        const auto row = static_cast<lxw_row_t>(r + 1);
        const auto cc = static_cast<lxw_col_t>(c);
        if (col.type == ColumnType::Text)
          worksheet_write_string(ws, row, cc, col.text[r].c_str(), nullptr);
        else if (std::isfinite(col.number[r]))
          worksheet_write_number(ws, row, cc, col.number[r], nullptr);
        else
          worksheet_write_string(ws, row, cc, "NA", nullptr);
      }
    }
  }
  if (workbook_close(wb) != LXW_NO_ERROR)
    throw Error(SourcePos{path, 0, 0}, "cannot write the XLSX file");
}

// Display width of UTF-8 text: East Asian wide characters count as two columns.
static size_t display_width(std::string_view s) {
  size_t w = 0;
  for (size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++w;
      ++i;
    } else if ((c >> 5) == 0x6) {
      ++w;
      i += 2;
    } else if ((c >> 4) == 0xE) {
      w += 2;  // CJK ideographs and most of the BMP's wide scripts
      i += 3;
    } else {
      w += 2;
      i += 4;
    }
  }
  return w;
}

namespace {

// A number of the aligned table: up to `digits` significant digits; NA as "NA".
std::string_view aligned_number(fmt::memory_buffer& mb, double v, int digits) {
  mb.clear();
  if (std::isnan(v))
    mb.append(std::string_view("NA"));
  else
    fmt::format_to(std::back_inserter(mb), "{:.{}g}", v, digits);
  return {mb.data(), mb.size()};
}

}  // namespace

void write_aligned(const Table& t, std::ostream& out, int digits, size_t max_rows) {
  const size_t n = max_rows ? std::min(max_rows, t.rows()) : t.rows();
  // Widths first (a label's width is measured once), then the rows formatted again.
  std::vector<size_t> width(t.cols());
  for (size_t c = 0; c < t.cols(); ++c) {
    const auto& col = t.columns()[c];
    size_t w = display_width(col.name);
    if (col.type == ColumnType::Number) {
      fmt::memory_buffer mb;
      for (size_t r = 0; r < n; ++r)
        w = std::max(w, aligned_number(mb, col.number[r], digits).size());
    } else if (col.text.is_encoded()) {
      const auto& labels = col.text.labels();
      std::vector<char> used(labels.size(), 0);
      for (size_t r = 0; r < n; ++r) used[col.text.codes()[r]] = 1;
      for (size_t k = 0; k < labels.size(); ++k)
        if (used[k]) w = std::max(w, display_width(labels[k]));
    } else {
      for (size_t r = 0; r < n; ++r) w = std::max(w, display_width(col.text[r]));
    }
    width[c] = w;
  }
  auto put = [&](OutBuf& buf, std::string_view s, size_t w, bool right) {
    const size_t fill = w - display_width(s);
    if (right) buf.pad(fill);
    buf.append(s);
    if (!right) buf.pad(fill);
  };
  OutBuf head;
  for (size_t c = 0; c < t.cols(); ++c) {
    if (c) head.append("  ");
    put(head, t.columns()[c].name, width[c], t.columns()[c].type == ColumnType::Number);
  }
  head.push('\n');
  out.write(head.data(), static_cast<std::streamsize>(head.size()));
  write_row_blocks(out, n, [&](OutBuf& buf, size_t begin, size_t end) {
    fmt::memory_buffer mb;
    for (size_t r = begin; r < end; ++r) {
      for (size_t c = 0; c < t.cols(); ++c) {
        if (c) buf.append("  ");
        const auto& col = t.columns()[c];
        if (col.type == ColumnType::Number)
          put(buf, aligned_number(mb, col.number[r], digits), width[c], true);
        else
          put(buf, col.text[r], width[c], false);
      }
      buf.push('\n');
    }
  });
  if (n < t.rows()) out << "... " << (t.rows() - n) << " more rows\n";
}

}  // namespace agglo
