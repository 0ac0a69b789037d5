// Profile section (with --io DIR): the national input-output analysis of a table in the
// input-output family's labelled layout: output and value-added multipliers, Rasmussen-Hirschman
// backward and forward linkages and the key sectors, written to linkages.csv, with the key-sector
// table and a backward-vs-forward scatter. Independent of the region x industry panel.
//
// The folder holds Z.csv (required), x.csv or Y.csv (x = Z1 + Y1 when x.csv is absent), and
// optionally VA.csv, Zimp.csv (imported intermediates) and sectors.csv (code, name_en,
// name_zh), as in examples/china-io/<year>/ and tests/fixtures/io/. File names are matched
// without regard to case (z.csv, va.csv). When VA has several rows, the value-added row is the
// one named TVA, VA, GVA or value_added (any case); without such a row value-added multipliers
// are left out and the report says so.
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>

#include <fmt/format.h>

#include "core/error.hpp"
#include "families/input_output/leontief.hpp"
#include "families/input_output/national.hpp"
#include "families/input_output/national_inputs.hpp"
#include "registry/registry.hpp"
#include "report/profile_sections.hpp"
#include "report/svg.hpp"

namespace agglo::report {

namespace {

namespace fs = std::filesystem;

std::string paragraph(const Text& t, bool note = false) {
  return (note ? "<p class=\"note\">" : "<p>") + bilingual(t) + "</p>";
}

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// The file of `dir` called `name`, ignoring case; empty when there is none.
std::string find_file(const std::string& dir, const std::string& name) {
  for (const auto& e : fs::directory_iterator(dir))
    if (e.is_regular_file() && lower(e.path().filename().string()) == lower(name))
      return e.path().string();
  return "";
}

// How read_national_table reads the folder: the family's own door, through an Invocation.
const MeasureSpec& io_profile_spec() {
  static const MeasureSpec spec{
      .name = "profile --io",
      .family = "report",
      .summary = "input-output table of the profile",
      .inputs = {{"Z", "intermediate flows", true, {"code"}},
                 {"Y", "final demand", false, {"code"}},
                 {"x", "total output", false, {"code", "output"}},
                 {"VA", "value added", false, {"va_item"}},
                 {"Zimp", "imported intermediate inputs", false, {"code"}},
                 {"sectors", "sector names", false, {"code", "sector_name_en", "sector_name_zh"}}},
      .options = {
          {.name = "value_added_item", .type = OptionType::Text, .optional = true},
          {.name = "balance_tolerance", .type = OptionType::Number, .default_value = 1e-6}}};
  return spec;
}

// The VA row taken as total value added (see the file comment); empty when none fits.
std::string value_added_item(const std::string& va_path, std::string& note) {
  const TextTable va = read_text_table(va_path);
  if (va.cols() == 0) return "";
  std::vector<std::string> items;
  for (size_t r = 0; r < va.rows(); ++r) items.push_back(va.text(r, 0));
  if (items.size() == 1) return items[0];
  for (const char* want : {"tva", "va", "gva", "value_added"})
    for (const auto& it : items)
      if (lower(it) == want) return it;
  note = fmt::format(
      "VA.csv has {} rows and none is named TVA, VA, GVA or value_added: value-added multipliers "
      "are left out",
      items.size());
  return "";
}

struct IoAnalysis {
  NationalTable table;
  std::string va_item;                                // empty: no value-added multipliers
  Eigen::VectorXd output_mult, va_mult, import_mult;  // all sectors, NA where inactive
  RasmussenHirschman rh;                              // all sectors, NA where inactive
  std::vector<std::string> notes;
};

IoAnalysis analyse(const std::string& dir) {
  if (!fs::is_directory(dir)) throw UsageError("--io " + dir + ": not a folder");
  std::map<std::string, InputSource> inputs;
  for (const char* role : {"Z", "Y", "x", "VA", "Zimp", "sectors"})
    if (auto path = find_file(dir, std::string(role) + ".csv"); !path.empty())
      inputs[role] = InputSource{path, "", ""};
  if (!inputs.count("Z"))
    throw UsageError("--io " + dir +
                     ": no Z.csv (expected Z.csv, x.csv or Y.csv, and optionally VA.csv, "
                     "Zimp.csv, sectors.csv)");
  IoAnalysis out;
  nlohmann::json params = nlohmann::json::object();
  if (inputs.count("VA")) {
    std::string note;
    out.va_item = value_added_item(inputs["VA"].path, note);
    if (out.va_item.empty()) {
      inputs.erase("VA");
      out.notes.push_back(note);
    } else {
      params["value_added_item"] = out.va_item;
    }
  }
  const Invocation inv(io_profile_spec(), params, {}, inputs);
  out.table = read_national_table(inv);
  const NationalTable& t = out.table;
  out.notes.insert(out.notes.end(), t.warnings.begin(), t.warnings.end());
  const ActiveSectors& act = t.active;
  if (act.size() == 0) throw Error("--io " + dir + ": every sector has zero output");
  const Eigen::VectorXd xa = act.pick(t.x);
  const LeontiefSystem sys(technical_coefficients(act.pick(t.Z), xa));
  if (sys.rcond() < 1e-8)
    out.notes.push_back(fmt::format(
        "(I - A) is ill-conditioned (reciprocal condition estimate {:.3g})", sys.rcond()));
  out.output_mult = act.expand(output_multipliers(sys));
  // Coefficient multipliers c'L of one input row per unit of output (value added, imports).
  auto row_multiplier = [&](const Eigen::VectorXd& inputs_by_sector) {
    const Eigen::MatrixXd c = act.pick(inputs_by_sector).cwiseQuotient(xa).transpose();
    return act.expand(Eigen::VectorXd(coefficient_multipliers(sys, c).row(0).transpose()));
  };
  if (!out.va_item.empty()) {
    const auto row = std::find(t.va_items.begin(), t.va_items.end(), out.va_item);
    out.va_mult = row_multiplier(t.VA.row(row - t.va_items.begin()).transpose());
  }
  if (t.Zimp.size() > 0) out.import_mult = row_multiplier(t.Zimp.colwise().sum().transpose());
  const RasmussenHirschman r = rasmussen_hirschman_linkages(sys, xa);
  out.rh = {act.expand(r.colsum_L),     act.expand(r.rowsum_L),         act.expand(r.rowsum_G),
            act.expand(r.backward),     act.expand(r.forward_leontief), act.expand(r.forward_ghosh),
            act.expand(r.key_leontief), act.expand(r.key_ghosh)};
  return out;
}

std::string sector_name(const NationalTable& t, size_t i) {
  return i < t.names_en.size() && !t.names_en[i].empty() ? t.names_en[i] : t.codes[i];
}

// At most n bytes of s, cut at a UTF-8 character boundary, with an ellipsis when cut.
std::string clip(const std::string& s, size_t n) {
  if (s.size() <= n) return s;
  size_t cut = n;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return s.substr(0, cut) + "…";
}

// A chart label: the code and the name without the words most names of a classification share
// ("Manufacture of chemical products" -> "12 chemical products").
std::string chart_label(const NationalTable& t, size_t i) {
  std::string name = sector_name(t, i);
  if (name == t.codes[i]) return name;
  for (const char* prefix : {"Manufacture of ", "Production and supply of "})
    if (lower(name).rfind(lower(prefix), 0) == 0) name = name.substr(std::string(prefix).size());
  return t.codes[i] + " " + name;
}

void input_output_section(const ProfileContext& ctx, HtmlReport& report) {
  if (ctx.options.io_dir.empty()) return;
  const IoAnalysis io = analyse(ctx.options.io_dir);
  const NationalTable& t = io.table;
  const RasmussenHirschman& rh = io.rh;

  Table csv;
  csv.add_text("code", t.codes);
  if (!t.names_en.empty()) csv.add_text("name_en", t.names_en);
  if (!t.names_zh.empty()) csv.add_text("name_zh", t.names_zh);
  csv.add_number("output", t.x).add_number("output_mult", io.output_mult);
  if (io.va_mult.size() > 0) csv.add_number("mult_" + io.va_item, io.va_mult);
  if (io.import_mult.size() > 0) csv.add_number("mult_IMP", io.import_mult);
  csv.add_number("colsum_L", rh.colsum_L)
      .add_number("rowsum_L", rh.rowsum_L)
      .add_number("rowsum_G", rh.rowsum_G);
  csv.add_number("bl", rh.backward)
      .add_number("fl_leontief", rh.forward_leontief)
      .add_number("fl_ghosh", rh.forward_ghosh);
  csv.add_number("key_leontief", rh.key_leontief).add_number("key_ghosh", rh.key_ghosh);
  ctx.write("linkages", csv);

  // Key sectors: key in both views first, then Leontief only, then Ghosh only (table order).
  auto view = [&](size_t i) {
    const auto e = static_cast<Eigen::Index>(i);
    const bool kl = rh.key_leontief(e) == 1, kg = rh.key_ghosh(e) == 1;
    return kl && kg ? 0 : kl ? 1 : kg ? 2 : 3;
  };
  std::vector<size_t> order;
  for (size_t i = 0; i < t.codes.size(); ++i)
    if (view(i) < 3) order.push_back(i);
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return view(a) < view(b); });
  const std::vector<Text> kind = {
      {"both", "兩者皆是"}, {"Leontief only", "僅 Leontief"}, {"Ghosh only", "僅 Ghosh"}};
  Table key;
  {
    std::vector<std::string> code, name, which;
    std::vector<double> bl, fl, flg, om, vm;
    for (size_t i : order) {
      const auto e = static_cast<Eigen::Index>(i);
      code.push_back(t.codes[i]);
      name.push_back(clip(sector_name(t, i), 50));
      which.push_back(kind[static_cast<size_t>(view(i))].en);
      bl.push_back(rh.backward(e));
      fl.push_back(rh.forward_leontief(e));
      flg.push_back(rh.forward_ghosh(e));
      om.push_back(io.output_mult(e));
      if (io.va_mult.size() > 0) vm.push_back(io.va_mult(e));
    }
    key.add_text("code", code).add_text("sector", name).add_text("key_in", which);
    key.add_number("bl", bl).add_number("fl_leontief", fl).add_number("fl_ghosh", flg);
    key.add_number("output_mult", om);
    if (io.va_mult.size() > 0) key.add_number("va_mult", vm);
  }
  const Eigen::Index active = t.active.size();
  size_t both = 0, leontief = 0, ghosh = 0;
  for (size_t i : order) {
    both += view(i) == 0;
    leontief += view(i) <= 1;
    ghosh += view(i) == 0 || view(i) == 2;
  }
  std::string body = paragraph(
      {fmt::format(
           "Input-output table {}: {} sectors ({} with output), total output {:.6g}. "
           "Rasmussen-Hirschman linkages: backward BL = n (1'L)_j / 1'L1 (how much a sector buys "
           "from the economy), forward FL = n (L1)_i / 1'L1 (Leontief) or n (G1)_i / 1'G1 (Ghosh, "
           "the supply view). A key sector has BL > 1 and FL > 1: {} sectors are key in the "
           "Leontief view, {} in the Ghosh view, {} in both. Output multiplier: 1'L; value-added "
           "multiplier: v'L. Every sector in linkages.csv.",
           ctx.options.io_dir, t.codes.size(), active, t.x.sum(), leontief, ghosh, both),
       fmt::format(
           "投入產出表 {}：{} 個部門（{} 個有產出），總產出 {:.6g}。Rasmussen-Hirschman "
           "關聯：向後關聯 BL = n (1'L)_j / 1'L1（部門向經濟體採購的程度），向前關聯 FL = n "
           "(L1)_i / 1'L1（Leontief）或 n (G1)_i / 1'G1（Ghosh，供給面）。關鍵部門為 BL > 1 "
           "且 FL > 1：Leontief 觀點 {} 個、Ghosh 觀點 {} 個、兩者皆是 {} 個。產出乘數：1'L；"
           "附加價值乘數：v'L。所有部門見 linkages.csv。",
           ctx.options.io_dir, t.codes.size(), active, t.x.sum(), leontief, ghosh, both)});
  for (const auto& n : io.notes) body += paragraph({n, "注意：" + n}, true);
  body += "<h3>" + bilingual({"Key sectors", "關鍵部門"}) + "</h3>";
  std::vector<Text> headers = {{"Code", "代碼"},
                               {"Sector", "部門"},
                               {"Key in view", "關鍵觀點"},
                               {"Backward (BL)", "向後關聯 BL"},
                               {"Forward (Leontief)", "向前關聯（Leontief）"},
                               {"Forward (Ghosh)", "向前關聯（Ghosh）"},
                               {"Output multiplier", "產出乘數"}};
  if (io.va_mult.size() > 0) headers.push_back({"Value-added multiplier", "附加價值乘數"});
  body += order.empty()
              ? paragraph({"No sector has both indices above 1.", "沒有部門的兩項指標同時大於 1。"},
                          true)
              : html_table(key, {.max_rows = 0, .digits = 4, .headers = headers});

  // Scatter: backward vs Leontief forward linkage, coloured by the key-sector view.
  std::vector<Point> points;
  for (size_t i = 0; i < t.codes.size(); ++i) {
    const auto e = static_cast<Eigen::Index>(i);
    if (!std::isfinite(rh.backward(e))) continue;
    points.push_back({chart_label(t, i), rh.backward(e), rh.forward_leontief(e), t.x(e),
                      view(i) == 3 ? 0 : view(i) + 1});
  }
  body += "<h3>" + bilingual({"Backward and forward linkages", "向後與向前關聯"}) + "</h3>";
  body +=
      paragraph({"Each sector at its backward linkage (x) and Leontief forward linkage (y), "
                 "bubble area by output; the dashed lines at 1 mark the key-sector quadrant "
                 "(upper right). Colour: key sector in both views, in the Leontief view only, "
                 "in the Ghosh view only, or not key.",
                 "每個部門依向後關聯（橫軸）與 Leontief 向前關聯（縱軸）標示，泡泡面積為產出；"
                 "虛線（等於 1）劃出關鍵部門象限（右上）。顏色：兩種觀點皆為關鍵、僅 "
                 "Leontief、僅 Ghosh、或非關鍵部門。"});
  body += svg_scatter(points, {.title = "",
                               .x_label = "backward linkage (BL)",
                               .y_label = "forward linkage (FL, Leontief)",
                               .x_ref = 1,
                               .y_ref = 1,
                               .label_points = true,
                               .group_names = {"not key", "key (both)", "key (Leontief only)",
                                               "key (Ghosh only)"}});
  report.add_section("linkages", {"Input-output linkages", "投入產出關聯"}, body);
}

const ProfileSectionRegistrar registrar({"input-output linkages", 80, input_output_section});

}  // namespace

}  // namespace agglo::report
