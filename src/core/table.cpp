#include "core/table.hpp"

#include <charconv>
#include <cstring>
#include <stdexcept>

#include <fmt/format.h>

#include "core/error.hpp"

namespace agglo {

namespace {

// The shortest digits of |v| (finite, non-zero), as Dragonbox (fmt's) finds them, laid out
// exactly as std::to_chars(first, last, v) lays out its shortest form: fixed or scientific,
// whichever is shorter (fixed on a tie). Twice as fast as std::to_chars. Returns nullptr for
// an integer of 2^53 or more written in fixed form, whose shortest digits may differ from the
// exact ones to_chars prints: the caller then uses std::to_chars itself. (Below 2^53 an
// integer's shortest digits, padded with zeros, are its exact digits.)
char* shortest_to(char* out, double v) {
  const auto dec = fmt::detail::dragonbox::to_decimal(std::fabs(v));
  uint64_t sig = dec.significand;
  int exp10 = dec.exponent;
  while (sig % 10 == 0) {  // shortest digits carry no trailing zero
    sig /= 10;
    ++exp10;
  }
  // The (at most 17) digits end at digits + 40, written two at a time from the right; the
  // buffer leaves room to copy 32 bytes from any digit with one fixed-size (inlined) copy.
  static constexpr char kPairs[] =
      "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
      "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
      "8081828384858687888990919293949596979899";
  char digits[80] = {};
  char* d = digits + 40;
  // 32-bit steps: the low 8 digits (when there are more) apart from the rest.
  auto pairs = [&](uint32_t x) {
    while (x >= 100) {
      d -= 2;
      std::memcpy(d, kPairs + (x % 100) * 2, 2);
      x /= 100;
    }
    if (x >= 10) {
      d -= 2;
      std::memcpy(d, kPairs + x * 2, 2);
    } else {
      *--d = static_cast<char>('0' + x);
    }
  };
  if (sig >= 100000000) {
    auto low = static_cast<uint32_t>(sig % 100000000);
    for (int k = 0; k < 4; ++k, low /= 100) {
      d -= 2;
      std::memcpy(d, kPairs + (low % 100) * 2, 2);
    }
    pairs(static_cast<uint32_t>(sig / 100000000));  // below 10^9: at most 17 digits
  } else {
    pairs(static_cast<uint32_t>(sig));
  }
  const int n = static_cast<int>(digits + 40 - d);
  const int e = exp10 + n - 1;  // the exponent of the scientific form d.ddd e+E
  const int abs_e = e < 0 ? -e : e;
  const int sci_len = n + (n > 1 ? 1 : 0) + 2 + (abs_e >= 100 ? 3 : 2);
  int fixed_len;
  if (e < 0)
    fixed_len = n + 1 - e;  // "0." then -e-1 zeros then the digits
  else if (e < n - 1)
    fixed_len = n + 1;  // the point among the digits
  else
    fixed_len = e + 1;  // an integer: its digits, padded with zeros
  if (fixed_len <= sci_len && e >= n - 1 && std::fabs(v) >= 9007199254740992.0) return nullptr;
  if (v < 0) *out++ = '-';
  if (fixed_len <= sci_len) {
    if (e < 0) {  // at most 4 zeros: a longer run makes the scientific form shorter
      std::memcpy(out, "0.0000", 6);
      std::memcpy(out + 1 - e, d, 32);
      return out + fixed_len;
    }
    if (e >= n - 1) {  // an integer below 2^53: at most 16 digits
      std::memcpy(out, d, 16);
      for (int k = n; k < 16; ++k) out[k] = '0';
      return out + fixed_len;
    }
    std::memcpy(out, d, 16);  // e + 1 <= 16 digits before the point
    out[e + 1] = '.';
    std::memcpy(out + e + 2, d + e + 1, 16);
    return out + fixed_len;
  }
  out[0] = d[0];
  if (n > 1) {
    out[1] = '.';
    std::memcpy(out + 2, d + 1, 16);
    out += n + 1;
  } else {
    out += 1;
  }
  out[0] = 'e';
  out[1] = e < 0 ? '-' : '+';
  if (abs_e >= 100) {
    out[2] = static_cast<char>('0' + abs_e / 100);
    std::memcpy(out + 3, kPairs + (abs_e % 100) * 2, 2);
    return out + 5;
  }
  std::memcpy(out + 2, kPairs + abs_e * 2, 2);
  return out + 4;
}

}  // namespace

char* format_number_to(char* out, double v) {
  if (std::isnan(v)) {
    std::memcpy(out, "NA", 2);
    return out + 2;
  }
  if (std::isinf(v)) {
    if (v > 0) {
      std::memcpy(out, "Inf", 3);
      return out + 3;
    }
    std::memcpy(out, "-Inf", 4);
    return out + 4;
  }
  if (v == 0) {  // also folds -0
    *out = '0';
    return out + 1;
  }
  if (char* end = shortest_to(out, v)) return end;
  return std::to_chars(out, out + kMaxNumberChars, v).ptr;
}

std::string format_number(double v) {
  char buf[kMaxNumberChars];
  return std::string(buf, format_number_to(buf, v));
}

// ---- TextValues ----

TextValues TextValues::plain(std::vector<std::string> values) {
  TextValues t;
  t.labels_ = std::make_shared<const Labels>(std::move(values));
  return t;
}

TextValues TextValues::encoded(std::shared_ptr<const Labels> labels, std::vector<Code> codes) {
  if (!labels) labels = std::make_shared<const Labels>();
  for (const Code c : codes)
    if (c >= labels->size())
      throw Error("internal: label code " + std::to_string(c) + " out of range (" +
                  std::to_string(labels->size()) + " labels)");
  TextValues t;
  t.labels_ = std::move(labels);
  t.codes_ = std::move(codes);
  t.coded_ = true;
  return t;
}

const std::string& TextValues::at(size_t row) const {
  if (row >= size())
    throw std::out_of_range("text column row " + std::to_string(row) + " of " +
                            std::to_string(size()));
  return (*this)[row];
}

const TextValues::Labels& TextValues::labels() const {
  static const Labels none;
  return labels_ ? *labels_ : none;
}

std::vector<std::string> TextValues::to_vector() const {
  if (!coded_) return labels();
  std::vector<std::string> out;
  out.reserve(size());
  for (const Code c : codes_) out.push_back((*labels_)[c]);
  return out;
}

bool operator==(const TextValues& a, const TextValues& b) {
  if (a.size() != b.size()) return false;
  for (size_t k = 0; k < a.size(); ++k)
    if (a[k] != b[k]) return false;
  return true;
}

bool operator==(const TextValues& a, const std::vector<std::string>& b) {
  if (a.size() != b.size()) return false;
  for (size_t k = 0; k < a.size(); ++k)
    if (a[k] != b[k]) return false;
  return true;
}

// ---- Table ----

void Table::check_length(size_t n, const std::string& name) const {
  if (!columns_.empty() && n != rows())
    throw Error("internal: column '" + name + "' has " + std::to_string(n) + " rows, table has " +
                std::to_string(rows()));
}

Table& Table::add_text(std::string name, std::vector<std::string> values) {
  return add_text(std::move(name), TextValues::plain(std::move(values)));
}

Table& Table::add_text(std::string name, TextValues values) {
  check_length(values.size(), name);
  Column c;
  c.name = std::move(name);
  c.type = ColumnType::Text;
  c.text = std::move(values);
  columns_.push_back(std::move(c));
  return *this;
}

Table& Table::add_labels(std::string name, std::shared_ptr<const std::vector<std::string>> labels,
                         std::vector<TextValues::Code> codes) {
  return add_text(std::move(name), TextValues::encoded(std::move(labels), std::move(codes)));
}

Table& Table::add_number(std::string name, std::vector<double> values) {
  check_length(values.size(), name);
  Column c;
  c.name = std::move(name);
  c.type = ColumnType::Number;
  c.number = std::move(values);
  columns_.push_back(std::move(c));
  return *this;
}

Table& Table::add_number(std::string name, const Eigen::VectorXd& values) {
  return add_number(std::move(name),
                    std::vector<double>(values.data(), values.data() + values.size()));
}

const Column* Table::find(std::string_view name) const {
  for (const auto& c : columns_)
    if (c.name == name) return &c;
  return nullptr;
}

const Column& Table::column(std::string_view name) const {
  if (const Column* c = find(name)) return *c;
  throw Error("no column '" + std::string(name) + "' in result table");
}

std::string Table::cell(size_t row, size_t col) const {
  const Column& c = columns_[col];
  return c.type == ColumnType::Text ? c.text[row] : format_number(c.number[row]);
}

Table Table::from_matrix(const std::string& key_name, const std::vector<std::string>& row_labels,
                         const std::vector<std::string>& col_labels, const Eigen::MatrixXd& m) {
  Table t;
  t.add_text(key_name, row_labels);
  for (Eigen::Index j = 0; j < m.cols(); ++j) {
    Eigen::VectorXd col = m.col(j);
    t.add_number(col_labels[static_cast<size_t>(j)], col);
  }
  return t;
}

namespace {

// The text columns `cols` (one per part) as one column. Shared labels when every part is
// encoded with equal labels; otherwise the parts' labels one after another, codes shifted.
TextValues stack_text(const std::vector<const TextValues*>& cols, size_t rows) {
  const TextValues& first = *cols.front();
  bool shared = first.is_encoded();
  for (const TextValues* c : cols) {
    if (!shared) break;
    shared = c->is_encoded() &&
             (c->shared_labels() == first.shared_labels() || c->labels() == first.labels());
  }
  std::vector<TextValues::Code> codes;
  codes.reserve(rows);
  if (shared) {
    for (const TextValues* c : cols)
      codes.insert(codes.end(), c->codes().begin(), c->codes().end());
    return TextValues::encoded(first.shared_labels(), std::move(codes));
  }
  size_t n_labels = 0;
  bool any_encoded = false;
  for (const TextValues* c : cols) {
    n_labels += c->labels().size();
    any_encoded |= c->is_encoded();
  }
  if (!any_encoded || n_labels >= std::numeric_limits<TextValues::Code>::max()) {
    std::vector<std::string> values;
    values.reserve(rows);
    for (const TextValues* c : cols) values.insert(values.end(), c->begin(), c->end());
    return TextValues::plain(std::move(values));
  }
  auto labels = std::make_shared<std::vector<std::string>>();
  labels->reserve(n_labels);
  for (const TextValues* c : cols) {
    const auto offset = static_cast<TextValues::Code>(labels->size());
    labels->insert(labels->end(), c->labels().begin(), c->labels().end());
    if (c->is_encoded()) {
      for (const TextValues::Code k : c->codes()) codes.push_back(offset + k);
    } else {
      for (size_t k = 0; k < c->size(); ++k)
        codes.push_back(offset + static_cast<TextValues::Code>(k));
    }
  }
  return TextValues::encoded(std::move(labels), std::move(codes));
}

}  // namespace

Table Table::stack(const std::string& key_name, const std::vector<std::string>& keys,
                   const std::vector<Table>& parts) {
  if (keys.size() != parts.size())
    throw Error("internal: " + std::to_string(keys.size()) + " keys for " +
                std::to_string(parts.size()) + " stacked tables");
  size_t rows = 0;
  for (const Table& t : parts) rows += t.rows();
  Table out;
  std::vector<TextValues::Code> key_codes;
  key_codes.reserve(rows);
  for (size_t i = 0; i < parts.size(); ++i)
    key_codes.insert(key_codes.end(), parts[i].rows(), static_cast<TextValues::Code>(i));
  out.add_labels(key_name, std::make_shared<const std::vector<std::string>>(keys),
                 std::move(key_codes));
  if (parts.empty()) return out;
  const Table& first = parts.front();
  for (size_t c = 0; c < first.cols(); ++c) {
    const Column& head = first.columns()[c];
    std::vector<const Column*> cols;
    for (const Table& t : parts) {
      const Column& col = t.column(head.name);
      if (col.type != head.type)
        throw Error("internal: column '" + head.name + "' has different types in stacked tables");
      cols.push_back(&col);
    }
    if (head.type == ColumnType::Text) {
      std::vector<const TextValues*> texts;
      for (const Column* col : cols) texts.push_back(&col->text);
      out.add_text(head.name, stack_text(texts, rows));
    } else {
      std::vector<double> v;
      v.reserve(rows);
      for (const Column* col : cols) v.insert(v.end(), col->number.begin(), col->number.end());
      out.add_number(head.name, std::move(v));
    }
  }
  return out;
}

}  // namespace agglo
