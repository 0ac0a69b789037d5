// Adapters from input tables to the trade family's records (used by the registrations only; the
// kernels never read files). Every conversion error names file:line:col.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "families/trade/concordance.hpp"
#include "families/trade/iso_date.hpp"
#include "families/trade/tariff_schedule.hpp"
#include "registry/invocation.hpp"

namespace agglo {

// One row of a trade-flow table. Optional columns absent from the table give "".
struct FlowRow {
  std::string product, partner, period, regime;
  double value = 0;
  SourcePos pos;
};

struct FlowColumns {
  bool product = true;        // column role `product` (an HS code, normalised)
  bool partner = false;       // column role `partner` required (else read when present)
  bool product_is_hs = true;  // normalise `product` as an HS code
};

// Reads the flows of `role`: roles product, partner, value, and the optional period and regime
// columns when present. Values must be numbers >= 0 (NA rows are skipped with a count).
std::vector<FlowRow> read_flows(const Invocation& inv, const std::string& role, FlowColumns want,
                                int* skipped_na = nullptr);

// Tariff lines of `role`: columns code, rate, start, and the optional list and end columns.
// With `universe` set, rows with a blank list are national lines that are not listed: their code
// goes to *universe and they need no rate or date.
std::vector<TariffLine> read_tariff_lines(const Invocation& inv, const std::string& role,
                                          std::vector<std::string>* universe = nullptr);

// The concordance of `role`: columns concordance_product (default: the product column), industry
// and the optional weight.
Concordance read_concordance(const Invocation& inv, const std::string& role);

// A product code column of `role` (column role `product`), e.g. a product set.
std::map<std::string, std::string> read_product_groups(const Invocation& inv,
                                                       const std::string& role);

// A date given as an option: yyyy-mm-dd, or a UsageError naming the option `date`.
IsoDate date_option(const std::string& text);

// Splits "a,b,c" into trimmed items (empty items dropped).
std::vector<std::string> split_list(const std::string& text);

// A column that a table may lack (a plain index and a flag: no optional<> storage warnings).
struct OptColumn {
  size_t index = 0;
  bool present = false;
  explicit operator bool() const { return present; }
  size_t operator*() const { return index; }
};

// The optional column `role` of a table, or nullopt when the table lacks it.
OptColumn optional_column(const Invocation& inv, const TextTable& t, const std::string& role);

}  // namespace agglo
