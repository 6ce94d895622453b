// describe against R (ChickWeight, scripts/reference/describe.R) and against
// NIST StRD certified values (NumAcc1, NumAcc3, NumAcc4).
#include <doctest/doctest.h>

#include <map>
#include <string>

#include "fixture.hpp"
#include "pilotstat/analysis/describe.hpp"
#include "pilotstat/data/study_builder.hpp"
#include "pilotstat/stats/descriptive.hpp"

using namespace pilotstat;

namespace {
data::Study load(const std::string& name) {
    return data::load_study(std::string(PILOTSTAT_TEST_DIR) + "/" + name, data::StudyOptions{});
}
}  // namespace

TEST_CASE("describe matches R on ChickWeight (long and wide) to 1e-12 relative") {
    for (const char* file : {"reference/data/chickweight_long.csv", "reference/data/chickweight_wide.csv"}) {
        CAPTURE(file);
        const auto rows = analysis::describe(load(file), 0.95);
        std::map<std::string, const analysis::DescribeRow*> by_key;
        for (const auto& r : rows) by_key[r.group + "/" + r.time] = &r;
        int checked = 0;
        for (const auto& ref : fixture::read("reference/describe_chickweight.csv")) {
            const auto* r = by_key.at(ref.str("group") + "/" + ref.str("time"));
            CAPTURE(ref.str("group"));
            CAPTURE(ref.str("time"));
            const auto& s = r->summary;
            REQUIRE(s.n == static_cast<std::size_t>(ref.num("n")));
            const double tol = 1e-12;
            CHECK(*s.mean == doctest::Approx(ref.num("mean")).epsilon(tol));
            CHECK(*s.sd == doctest::Approx(ref.num("sd")).epsilon(tol));
            CHECK(*s.se == doctest::Approx(ref.num("se")).epsilon(tol));
            CHECK(*s.ci_low == doctest::Approx(ref.num("ci_low")).epsilon(tol));
            CHECK(*s.ci_high == doctest::Approx(ref.num("ci_high")).epsilon(tol));
            CHECK(*s.median == doctest::Approx(ref.num("median")).epsilon(tol));
            CHECK(*s.q1 == doctest::Approx(ref.num("q1")).epsilon(tol));
            CHECK(*s.q3 == doctest::Approx(ref.num("q3")).epsilon(tol));
            CHECK(*s.min == ref.num("min"));
            CHECK(*s.max == ref.num("max"));
            ++checked;
        }
        CHECK(checked == 48);
    }
}

namespace {
// NIST StRD univariate data sets, generated from their definitions
// (https://www.itl.nist.gov/div898/strd/univ/): NumAcc1 = 10000001, 10000003,
// 10000002; NumAcc3/4 = c+0.2 then 500 pairs (c+0.1, c+0.3), c = 1e6 / 1e7.
data::Study nist_study(const std::vector<std::string>& values) {
    std::string csv = "subject,group,time,measure,score\n";
    for (std::size_t i = 0; i < values.size(); ++i)
        csv += "s" + std::to_string(i) + ",g,t,x," + values[i] + "\n";
    io::CsvReader reader("nist.csv", csv, io::CsvOptions{});
    return data::build_study(reader, data::StudyOptions{});
}

std::vector<std::string> numacc(const std::string& base) {
    std::vector<std::string> v{base + ".2"};
    for (int i = 0; i < 500; ++i) {
        v.push_back(base + ".1");
        v.push_back(base + ".3");
    }
    return v;
}
}  // namespace

TEST_CASE("NIST StRD NumAcc1/3/4: certified mean and sd to 13+ significant digits") {
    struct Case { std::vector<std::string> values; double mean, sd; };
    const Case cases[] = {{{"10000001", "10000003", "10000002"}, 10000002.0, 1.0},
                          {numacc("1000000"), 1000000.2, 0.1},
                          {numacc("10000000"), 10000000.2, 0.1}};
    for (const auto& c : cases) {
        const auto rows = analysis::describe(nist_study(c.values), 0.95);
        REQUIRE(rows.size() == 1);
        CHECK(*rows[0].summary.mean == doctest::Approx(c.mean).epsilon(1e-15));
        CHECK(*rows[0].summary.sd == doctest::Approx(c.sd).epsilon(1e-13));
    }
}

TEST_CASE("summaries at n = 0, 1 and constant data have no NaN") {
    const std::vector<double> none;
    auto s0 = stats::summarize(none, {}, 0.95);
    CHECK(s0.n == 0);
    CHECK_FALSE(s0.mean);
    const std::vector<double> one{3.5};
    auto s1 = stats::summarize(one, {}, 0.95);
    CHECK(*s1.mean == 3.5);
    CHECK(*s1.median == 3.5);
    CHECK_FALSE(s1.sd);
    CHECK_FALSE(s1.ci_low);
    const std::vector<double> same{2, 2, 2};
    auto s3 = stats::summarize(same, {}, 0.95);
    CHECK(*s3.sd == 0.0);
    CHECK(*s3.ci_low == 2.0);
    CHECK(*s3.ci_high == 2.0);
}

TEST_CASE("quantile type 7 by hand") {
    // R: quantile(c(1, 2, 4, 8), c(.25, .5, .75)) = 1.75 3.00 5.00
    const std::vector<double> x{1, 2, 4, 8};
    auto s = stats::summarize(x, {}, 0.95);
    CHECK(*s.q1 == 1.75);
    CHECK(*s.median == 3.0);
    CHECK(*s.q3 == 5.0);
}
