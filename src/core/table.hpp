// Result tables: named, typed columns (text or number). A number column holds NaN for a
// missing value (NA); writers print it as "NA", never as 0.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <Eigen/Core>

namespace agglo {

inline constexpr double NA = std::numeric_limits<double>::quiet_NaN();
inline bool is_na(double v) {
  return std::isnan(v);
}

enum class ColumnType { Text, Number };

// The values of a text column, read like a const std::vector<std::string>. Stored either as one
// string per row, or dictionary-encoded: a code per row into a shared, immutable list of labels
// (e.g. the regions of a panel), so that a million-row long table is built, copied and stacked
// without copying a string. Reads are the same for both; writers may use the codes to format
// each label once.
class TextValues {
 public:
  using Labels = std::vector<std::string>;
  using Code = uint32_t;

  class const_iterator {
   public:
    using iterator_category = std::random_access_iterator_tag;
    using value_type = std::string;
    using difference_type = std::ptrdiff_t;
    using pointer = const std::string*;
    using reference = const std::string&;
    const_iterator() = default;
    const_iterator(const TextValues* v, size_t i) : v_(v), i_(i) {}
    reference operator*() const { return (*v_)[i_]; }
    pointer operator->() const { return &(*v_)[i_]; }
    reference operator[](difference_type n) const { return (*v_)[i_ + n]; }
    const_iterator& operator++() { return ++i_, *this; }
    const_iterator operator++(int) { return {v_, i_++}; }
    const_iterator& operator--() { return --i_, *this; }
    const_iterator operator--(int) { return {v_, i_--}; }
    const_iterator& operator+=(difference_type n) { return i_ += n, *this; }
    const_iterator& operator-=(difference_type n) { return i_ -= n, *this; }
    friend const_iterator operator+(const_iterator a, difference_type n) { return a += n; }
    friend const_iterator operator+(difference_type n, const_iterator a) { return a += n; }
    friend const_iterator operator-(const_iterator a, difference_type n) { return a -= n; }
    friend difference_type operator-(const const_iterator& a, const const_iterator& b) {
      return static_cast<difference_type>(a.i_) - static_cast<difference_type>(b.i_);
    }
    friend bool operator==(const const_iterator& a, const const_iterator& b) {
      return a.i_ == b.i_;
    }
    friend auto operator<=>(const const_iterator& a, const const_iterator& b) {
      return a.i_ <=> b.i_;
    }

   private:
    const TextValues* v_ = nullptr;
    size_t i_ = 0;
  };
  using iterator = const_iterator;
  using value_type = std::string;
  using size_type = size_t;

  TextValues() = default;
  // One string per row.
  static TextValues plain(std::vector<std::string> values);
  // Row k reads labels[codes[k]]; every code must be < labels.size().
  static TextValues encoded(std::shared_ptr<const Labels> labels, std::vector<Code> codes);

  size_t size() const { return coded_ ? codes_.size() : labels_ ? labels_->size() : 0; }
  bool empty() const { return size() == 0; }
  const std::string& operator[](size_t row) const { return (*labels_)[coded_ ? codes_[row] : row]; }
  const std::string& at(size_t row) const;  // throws std::out_of_range
  const std::string& front() const { return (*this)[0]; }
  const std::string& back() const { return (*this)[size() - 1]; }
  const_iterator begin() const { return {this, 0}; }
  const_iterator end() const { return {this, size()}; }
  std::vector<std::string> to_vector() const;

  // The representation, for writers and stacking.
  bool is_encoded() const { return coded_; }
  // The labels: one per row when not encoded.
  const Labels& labels() const;
  const std::shared_ptr<const Labels>& shared_labels() const { return labels_; }
  const std::vector<Code>& codes() const { return codes_; }  // empty when not encoded

  friend bool operator==(const TextValues& a, const TextValues& b);
  friend bool operator==(const TextValues& a, const std::vector<std::string>& b);

 private:
  std::shared_ptr<const Labels> labels_;
  std::vector<Code> codes_;
  bool coded_ = false;
};

struct Column {
  std::string name;
  ColumnType type = ColumnType::Number;
  TextValues text;             // when type == Text
  std::vector<double> number;  // when type == Number (NaN = NA)
  size_t size() const { return type == ColumnType::Text ? text.size() : number.size(); }
};

class Table {
 public:
  Table& add_text(std::string name, std::vector<std::string> values);
  Table& add_text(std::string name, TextValues values);
  // A dictionary-encoded text column: row k reads labels[codes[k]].
  Table& add_labels(std::string name, std::shared_ptr<const std::vector<std::string>> labels,
                    std::vector<TextValues::Code> codes);
  Table& add_number(std::string name, std::vector<double> values);
  Table& add_number(std::string name, const Eigen::VectorXd& values);

  size_t rows() const { return columns_.empty() ? 0 : columns_.front().size(); }
  size_t cols() const { return columns_.size(); }
  const std::vector<Column>& columns() const { return columns_; }
  const Column* find(std::string_view name) const;
  const Column& column(std::string_view name) const;  // throws Error when absent
  // The cell as text: numbers in shortest round-trip form, NA as "NA".
  std::string cell(size_t row, size_t col) const;

  // A labelled matrix as a table: first column `key_name` holds the row labels, then one
  // number column per column label.
  static Table from_matrix(const std::string& key_name, const std::vector<std::string>& row_labels,
                           const std::vector<std::string>& col_labels, const Eigen::MatrixXd& m);

  // The tables one after another (rows of parts[0] first), with a leading text column
  // `key_name` holding keys[i] on the rows of parts[i]. Every part has the columns of the
  // first (matched by name, same type). Encoded text columns stay encoded: codes are
  // concatenated and labels shared when the parts' labels are equal.
  static Table stack(const std::string& key_name, const std::vector<std::string>& keys,
                     const std::vector<Table>& parts);

 private:
  void check_length(size_t n, const std::string& name) const;
  std::vector<Column> columns_;
};

// Shortest text that reads back to the same double ("2014", "0.1", "1e-300"); NA -> "NA".
std::string format_number(double v);
// The same text written at `out`, which must have kMaxNumberChars bytes of room (it may write
// scratch bytes past the end it returns); returns the end.
inline constexpr size_t kMaxNumberChars = 64;
char* format_number_to(char* out, double v);

}  // namespace agglo
