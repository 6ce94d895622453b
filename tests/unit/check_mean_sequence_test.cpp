// means rows: one sequence of means for several published figures, against the brute-force
// enumerator and linprog of scripts/reference/mean_sequences.py (tests/reference/check_mean_sequences.csv).
#include <doctest/doctest.h>

#include <cmath>
#include <sstream>
#include <string>

#include "fixture.hpp"
#include "pilotstat/check/expectations.hpp"
#include "pilotstat/check/grim.hpp"
#include "pilotstat/check/mean_sequence.hpp"
#include "pilotstat/check/runner.hpp"
#include "pilotstat/data/decimal.hpp"

using namespace pilotstat;
using namespace pilotstat::check;

namespace {
std::vector<std::string> words(const std::string& s) {
    std::istringstream in(s);
    std::vector<std::string> out;
    for (std::string w; in >> w;) out.push_back(w);
    return out;
}
std::vector<std::string> parts(const std::string& s) {
    std::vector<std::string> out;
    std::stringstream in(s);
    for (std::string p; std::getline(in, p, ':');) out.push_back(p);
    return out;
}
std::size_t index_of(const std::vector<std::string>& v, const std::string& x) {
    for (std::size_t i = 0; i < v.size(); ++i)
        if (v[i] == x) return i;
    FAIL("no time " << x);
    return 0;
}
Published pub(const std::string& t) { return {*data::parse_finite(t), data::written_decimals(t)}; }

SequenceQuery query(const fixture::Row& r) {
    SequenceQuery q;
    q.times = words(r.str("times"));
    if (!r.is_na("pct"))
        for (const auto& item : words(r.str("pct"))) {
            const auto p = parts(item);
            q.figures.push_back({SequenceFigure::Kind::pct, index_of(q.times, p[0]), index_of(q.times, p[1]), pub(p[2]), item});
        }
    if (!r.is_na("mean"))
        for (const auto& item : words(r.str("mean"))) {
            const auto p = parts(item);
            q.figures.push_back({SequenceFigure::Kind::mean, index_of(q.times, p[0]), 0, pub(p[1]), item});
        }
    if (!r.is_na("sd"))
        for (const auto& item : words(r.str("sd"))) {
            const auto p = parts(item);
            q.figures.push_back({SequenceFigure::Kind::sd, index_of(q.times, p[0]), 0, pub(p[1]), item});
        }
    if (!r.is_na("step")) {
        q.grid = *parse_step(r.str("step"));
        q.max = r.num("max");
        for (const auto n : r.vec("n")) q.n.push_back(static_cast<std::int64_t>(n));
    }
    return q;
}
}  // namespace

TEST_CASE("means: joint consistency and the smallest conflicting sets agree with brute force and linprog") {
    int impossible = 0;
    for (const auto& r : fixture::read("reference/check_mean_sequences.csv")) {
        CAPTURE(r.str("id"));
        const auto q = query(r);
        const auto res = mean_sequence_test(q);
        CHECK(res.consistent == (r.str("consistent") == "1"));
        std::string sets;
        for (const auto& c : res.conflicts) {
            std::string s;
            for (const auto i : c) s += (s.empty() ? "" : "+") + std::to_string(i);
            sets += (sets.empty() ? "" : " ") + s;
        }
        CHECK(sets == (r.is_na("conflicts") ? std::string() : r.str("conflicts")));
        if (!res.consistent) {
            ++impossible;
            continue;
        }
        // the reported sequence does reproduce every figure
        REQUIRE(res.means.size() == q.times.size());
        for (const auto& f : q.figures) {
            if (f.kind == SequenceFigure::Kind::sd) {
                // the SD is possible for the total the reported mean fixes
                const auto n = q.n[f.from];
                const auto total = std::llround(res.means[f.from] * static_cast<double>(n) / *q.grid);
                CHECK(sd_attainable_for_total(total, n, *q.grid, f.value.value, f.value.decimals));
                continue;
            }
            const double v = f.kind == SequenceFigure::Kind::mean
                                 ? res.means[f.from]
                                 : 100 * (res.means[f.to] - res.means[f.from]) / res.means[f.from];
            // arithmetic solutions may sit on an end of a rounding interval: allow 1e-9
            CHECK(std::fabs(v - f.value.value) <= 0.5 * std::pow(10.0, -f.value.decimals) + 1e-9);
        }
    }
    CHECK(impossible >= 10);
}

TEST_CASE("means rows with SDs: joint with the sequence, grid mode only") {
    const auto rows = parse_expectations("s.csv",
        "id,select,expected,tolerance,note\n"
        // 1 2 3 4 5 (mean 3, SD 1.58) and 2 3 4 5 6 (mean 4, SD 1.58): +33.33%
        "fits,\"means n=5 step=1 max=10 times=A,B pct=A:B:33.33 sd=A:1.58,B:1.58\",1,exact,\n"
        // the SD alone is possible for some mean, not for the one +33.33% from A = 3 fixes
        "joint,\"means n=5 step=1 max=10 times=A,B pct=A:B:33.33 mean=A:3.00 sd=B:0.45\",1,exact,\n");
    const auto run = run_checks(rows, nullptr);
    CHECK(run.rows[0].outcome.pass);
    CHECK_FALSE(run.rows[1].outcome.pass);
    CHECK(run.rows[1].outcome.message.find("sd B:0.45") != std::string::npos);
    auto bad = [](const std::string& select) {
        return "id,select,expected,tolerance,note\na,\"" + select + "\",1,exact,\n";
    };
    CHECK_THROWS_WITH(parse_expectations("m.csv", bad("means times=A,B pct=A:B:1 sd=A:1.2")),
                      doctest::Contains("sd= needs grid mode"));
    CHECK_THROWS_WITH(parse_expectations("m.csv", bad("means n=5 step=1 max=9 times=A,B pct=A:B:1 sd=A")),
                      doctest::Contains("sd items are TIME:SD"));
    CHECK_THROWS_WITH(parse_expectations("m.csv", bad("means n=5 step=1 max=9 times=A,B pct=A:B:1 sd=C:1.2")),
                      doctest::Contains("sd: \"C\" is not one of times=A,B"));
    CHECK_THROWS_WITH(parse_expectations("m.csv", bad("means n=A:1,B:5 step=1 max=9 times=A,B pct=A:B:1 sd=A:1.2")),
                      doctest::Contains("sd: an SD needs n >= 2 at time A"));
    CHECK_THROWS_WITH(parse_expectations("m.csv", bad("means n=5 step=1 max=9 times=A,B pct=A:B:1 sd=A:-1.2")),
                      doctest::Contains("an SD cannot be negative"));
}

TEST_CASE("means rows in an expectations file: the psycholytic sequence, arithmetic mode, n per time") {
    const auto rows = parse_expectations("m.csv",
        "id,select,expected,tolerance,note\n"
        "grid,\"means n=5 step=0.25 max=10 times=S1,S3,S6 pct=S1:S3:-32.81,S3:S6:24.56,S1:S6:-3.39\",1,exact,\n"
        "known,\"means n=5 step=0.25 max=10 times=S1,S3,S6 pct=S1:S3:-32.81,S3:S6:24.56,S1:S6:-3.39\",0,exact,\n"
        "arith,\"means times=S1,S3,S6 pct=S1:S3:-32.81,S3:S6:24.56,S1:S6:-3.39\",1,exact,\n"
        "per_time,\"means n=S1:5,S6:4 step=0.25 max=10 times=S1,S6 pct=S1:S6:-3.39 mean=S1:5.90\",1,exact,\n");
    const auto run = run_checks(rows, nullptr);
    CHECK_FALSE(run.rows[0].outcome.pass);
    CHECK(run.rows[0].outcome.message.find("{S1:S3:-32.81, S3:S6:24.56}; {S1:S3:-32.81, S1:S6:-3.39}; "
                                           "{S3:S6:24.56, S1:S6:-3.39}") != std::string::npos);
    CHECK(run.rows[1].outcome.pass);  // expected 0: a regression test that it stays impossible
    CHECK_FALSE(run.rows[2].outcome.pass);
    CHECK(run.rows[2].outcome.message.find("no sequence of positive means") != std::string::npos);
    // n = 5 at S1 and 4 at S6: -3.39% is then impossible even alone
    CHECK_FALSE(run.rows[3].outcome.pass);
}

TEST_CASE("means rows: malformed syntax is refused when the file is read") {
    auto bad = [](const std::string& select) {
        return "id,select,expected,tolerance,note\na,\"" + select + "\",1,exact,\n";
    };
    CHECK_THROWS_WITH(parse_expectations("m.csv", bad("means times=A pct=A:B:1")),
                      doctest::Contains("times needs at least two times"));
    CHECK_THROWS_WITH(parse_expectations("m.csv", bad("means times=A,B pct=A:C:1")),
                      doctest::Contains("pct: \"C\" is not one of times=A,B"));
    CHECK_THROWS_WITH(parse_expectations("m.csv", bad("means times=A,B pct=A:B")),
                      doctest::Contains("pct items are FROM:TO:PERCENT"));
    CHECK_THROWS_WITH(parse_expectations("m.csv", bad("means times=A,B")), doctest::Contains("needs pct=... or mean="));
    CHECK_THROWS_WITH(parse_expectations("m.csv", bad("means n=5 times=A,B pct=A:B:1")),
                      doctest::Contains("n, min and max go with step="));
    CHECK_THROWS_WITH(parse_expectations("m.csv", "id,select,expected,tolerance,note\na,\"means times=A,B pct=A:B:1\",1,decimals:2,\n"),
                      doctest::Contains("means rows take expected 1"));
}
