// The input-output linkages section of `agglo profile --io DIR`: write_profile on the Miller &
// Blair 2-sector table, then linkages.csv against hand-computed values and against the
// input_output family's own measures (run through the registry, so that this file links
// whichever families are built).
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "core/panel.hpp"
#include "io/text_table.hpp"
#include "registry/registry.hpp"
#include "report/profile.hpp"
#include "report/profile_sections.hpp"

namespace {

using agglo::Panel;
using agglo::TextTable;
namespace fs = std::filesystem;

bool section_built(const std::string& prefix) {
  for (const auto& s : agglo::report::profile_sections())
    if (s.name.rfind(prefix, 0) == 0) return true;
  return false;
}

std::string fresh_dir(const std::string& name) {
  const auto dir = fs::temp_directory_path() / "agglo_tests" / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir.string();
}

void write(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

std::string read(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream s;
  s << f.rdbuf();
  return s.str();
}

// Miller & Blair (2009), section 2.3: Z = [[150, 500], [200, 100]], x = (1000, 2000).
std::string miller_blair_folder(const std::string& name, const std::string& va,
                                bool lower_case = false) {
  const std::string dir = fresh_dir(name);
  write(dir + (lower_case ? "/z.csv" : "/Z.csv"), "code,1,2\n1,150,500\n2,200,100\n");
  write(dir + "/x.csv", "code,x\n1,1000\n2,2000\n");
  write(dir + (lower_case ? "/va.csv" : "/VA.csv"), va);
  write(dir + "/sectors.csv", "code,name_en,name_zh\n1,Sector one,部門一\n2,Sector two,部門二\n");
  return dir;
}

// Any small panel: the IO section does not use it.
Panel tiny_panel() {
  Panel p;
  p.source = "test";
  const char* regions[] = {"A", "B"};
  const char* industries[] = {"u", "v"};
  const double values[2][2] = {{10, 20}, {30, 5}};
  for (int r = 0; r < 2; ++r)
    for (int i = 0; i < 2; ++i)
      p.push(p.regions.intern(regions[r]), p.industries.intern(industries[i]), p.periods.intern(""),
             values[r][i], 2 + 2 * r + i);
  return p;
}

size_t row_of(const TextTable& t, const std::string& code) {
  const size_t c = t.column("code");
  for (size_t r = 0; r < t.rows(); ++r)
    if (t.text(r, c) == code) return r;
  ADD_FAILURE() << "no row " << code;
  return 0;
}

double num(const TextTable& t, const std::string& code, const std::string& col) {
  return t.number(row_of(t, code), t.column(col));
}

// A measure of the input_output family run on the folder's files.
agglo::Table family_output(const std::string& measure, const std::string& output,
                           const std::string& dir, nlohmann::json params, bool with_va) {
  const agglo::MeasureSpec* spec = agglo::Registry::instance().find(measure);
  EXPECT_NE(spec, nullptr) << measure;
  std::map<std::string, agglo::InputSource> in = {{"Z", {dir + "/Z.csv", "", ""}},
                                                  {"x", {dir + "/x.csv", "", ""}}};
  if (with_va) in["VA"] = {dir + "/VA.csv", "", ""};
  const agglo::Invocation inv(*spec, std::move(params), {}, in);
  const agglo::Results res = spec->kernel(inv);
  const agglo::Table* t = res.find(output);
  EXPECT_NE(t, nullptr) << output;
  return *t;
}

TEST(ProfileInputOutput, LinkagesMatchHandComputationAndTheFamily) {
  if (!section_built("input-output")) GTEST_SKIP() << "input_output section not built";
  const std::string io = miller_blair_folder("profile_io_mb", "item,1,2\nVA,650,1400\n");
  const std::string out = fresh_dir("profile_io_mb_out");
  agglo::report::ProfileOptions opt;
  opt.io_dir = io;
  agglo::report::write_profile(tiny_panel(), opt, out);
  const TextTable t = agglo::read_text_table(out + "/linkages.csv");
  ASSERT_EQ(t.rows(), 2u);

  // By hand: A = [[0.15, 0.25], [0.2, 0.05]], det(I - A) = 0.85 * 0.95 - 0.25 * 0.2 = 0.7575,
  // L = [[0.95, 0.25], [0.2, 0.85]] / 0.7575.
  const double d = 0.7575;
  const double l11 = 0.95 / d, l12 = 0.25 / d, l21 = 0.2 / d, l22 = 0.85 / d;
  const double c1 = l11 + l21, c2 = l12 + l22, r1 = l11 + l12, r2 = l21 + l22;
  const double total = c1 + c2;
  EXPECT_NEAR(num(t, "1", "output_mult"), c1, 1e-12);
  EXPECT_NEAR(num(t, "2", "output_mult"), c2, 1e-12);
  EXPECT_NEAR(num(t, "1", "bl"), 2 * c1 / total, 1e-12);
  EXPECT_NEAR(num(t, "2", "bl"), 2 * c2 / total, 1e-12);
  EXPECT_NEAR(num(t, "1", "fl_leontief"), 2 * r1 / total, 1e-12);
  EXPECT_NEAR(num(t, "2", "fl_leontief"), 2 * r2 / total, 1e-12);
  // Every input not bought from a sector is value added here, so v'L = 1'.
  EXPECT_NEAR(num(t, "1", "mult_VA"), 1, 1e-12);
  EXPECT_NEAR(num(t, "2", "mult_VA"), 1, 1e-12);
  // Sector 1 is key (BL 1.022 > 1, FL 1.067 > 1), sector 2 is not.
  EXPECT_EQ(num(t, "1", "key_leontief"), 1);
  EXPECT_EQ(num(t, "2", "key_leontief"), 0);
  EXPECT_EQ(t.text(row_of(t, "1"), t.column("name_en")), "Sector one");
  EXPECT_EQ(num(t, "2", "output"), 2000);

  // The same numbers as the family's own measures.
  const agglo::Table link = family_output("rasmussen_hirschman_linkages", "linkages", io,
                                          nlohmann::json::object(), false);
  const agglo::Table mult = family_output("multipliers", "multipliers", io,
                                          nlohmann::json{{"value_added_item", "VA"}}, true);
  for (size_t r = 0; r < 2; ++r) {
    const std::string code = link.column("code").text[r];
    for (const char* c : {"colsum_L", "rowsum_L", "rowsum_G", "bl", "fl_leontief", "fl_ghosh",
                          "key_leontief", "key_ghosh"})
      EXPECT_NEAR(num(t, code, c), link.column(c).number[r], 1e-12) << c;
    for (const char* c : {"output_mult", "mult_VA"})
      EXPECT_NEAR(num(t, code, c), mult.column(c).number[r], 1e-12) << c;
  }

  const std::string html = read(out + "/index.html");
  EXPECT_NE(html.find("id=\"linkages\""), std::string::npos);
  EXPECT_NE(html.find("Key sectors"), std::string::npos);
  EXPECT_NE(html.find("backward linkage (BL)"), std::string::npos);
}

TEST(ProfileInputOutput, LeftOutWithoutIoDir) {
  if (!section_built("input-output")) GTEST_SKIP() << "input_output section not built";
  const std::string out = fresh_dir("profile_io_none");
  agglo::report::write_profile(tiny_panel(), {}, out);
  EXPECT_FALSE(fs::exists(out + "/linkages.csv"));
  EXPECT_EQ(read(out + "/index.html").find("id=\"linkages\""), std::string::npos);
}

TEST(ProfileInputOutput, FolderWithoutZIsAUsageError) {
  if (!section_built("input-output")) GTEST_SKIP() << "input_output section not built";
  const std::string io = fresh_dir("profile_io_empty");
  write(io + "/x.csv", "code,x\n1,1000\n");
  agglo::report::ProfileOptions opt;
  opt.io_dir = io;
  EXPECT_THROW(agglo::report::write_profile(tiny_panel(), opt, fresh_dir("profile_io_empty_out")),
               agglo::UsageError);
  opt.io_dir = io + "/missing";
  EXPECT_THROW(agglo::report::write_profile(tiny_panel(), opt, fresh_dir("profile_io_empty_out")),
               agglo::UsageError);
}

TEST(ProfileInputOutput, TotalValueAddedRowIsChosenByNameAndFileNamesIgnoreCase) {
  if (!section_built("input-output")) GTEST_SKIP() << "input_output section not built";
  // Wages and other value added, and their total TVA; lower-case z.csv and va.csv.
  const std::string io = miller_blair_folder(
      "profile_io_tva", "item,1,2\nW,400,900\nOVA,250,500\nTVA,650,1400\n", true);
  agglo::report::ProfileOptions opt;
  opt.io_dir = io;
  const std::string out = fresh_dir("profile_io_tva_out");
  agglo::report::write_profile(tiny_panel(), opt, out);
  const TextTable t = agglo::read_text_table(out + "/linkages.csv");
  EXPECT_NEAR(num(t, "1", "mult_TVA"), 1, 1e-12);
  EXPECT_FALSE(t.find_column("mult_W"));
}

TEST(ProfileInputOutput, SeveralValueAddedRowsWithoutATotalAreNamedInTheReport) {
  if (!section_built("input-output")) GTEST_SKIP() << "input_output section not built";
  const std::string io =
      miller_blair_folder("profile_io_no_total", "item,1,2\nW,400,900\nOVA,250,500\n");
  agglo::report::ProfileOptions opt;
  opt.io_dir = io;
  const std::string out = fresh_dir("profile_io_no_total_out");
  agglo::report::write_profile(tiny_panel(), opt, out);
  const TextTable t = agglo::read_text_table(out + "/linkages.csv");
  for (const auto& h : t.header) EXPECT_NE(h.rfind("mult_", 0), 0u) << h;
  EXPECT_NE(read(out + "/index.html").find("none is named TVA"), std::string::npos);
}

TEST(ProfileInputOutput, ZeroOutputSectorIsNaWithAReason) {
  if (!section_built("input-output")) GTEST_SKIP() << "input_output section not built";
  const std::string io = fresh_dir("profile_io_zero");
  write(io + "/Z.csv", "code,1,2,3\n1,150,500,0\n2,200,100,0\n3,0,0,0\n");
  write(io + "/x.csv", "code,x\n1,1000\n2,2000\n3,0\n");
  agglo::report::ProfileOptions opt;
  opt.io_dir = io;
  const std::string out = fresh_dir("profile_io_zero_out");
  agglo::report::write_profile(tiny_panel(), opt, out);
  const TextTable t = agglo::read_text_table(out + "/linkages.csv");
  ASSERT_EQ(t.rows(), 3u);
  EXPECT_TRUE(std::isnan(num(t, "3", "bl")));
  // The two active sectors keep the 2-sector values (n = 2 in the normalisation).
  EXPECT_NEAR(num(t, "1", "bl"), 2 * (0.95 + 0.2) / (0.95 + 0.2 + 0.25 + 0.85), 1e-12);
  EXPECT_NE(read(out + "/index.html").find("sector 3 has zero output"), std::string::npos);
}

}  // namespace
