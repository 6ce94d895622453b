// The builder's flat cell store: cells stay right when measures and times
// appear late (the store widens), duplicates name the first line, the time
// order check sees rows in reading order, and repeated score texts share
// their parsed value.
#include <doctest/doctest.h>

#include <string>

#include "pilotstat/data/score_table.hpp"
#include "pilotstat/data/study_builder.hpp"
#include "pilotstat/error.hpp"

using namespace pilotstat;

namespace {
data::Study build_cells(const std::string& csv) {
    data::StudyOptions opt;
    io::CsvReader reader("c.csv", csv, opt.csv);
    return data::build_study(reader, opt);
}

std::string cells_error(const std::string& csv) {
    try {
        build_cells(csv);
    } catch (const DataError& e) {
        return e.what();
    }
    return "no error";
}

// 30 subjects; measure k and time k first appear with subject k, so the
// store is widened many times while earlier subjects' cells are filled.
std::string widening_csv() {
    std::string csv = "subject,group,time,measure,score\n";
    for (int s = 0; s < 30; ++s)
        for (int k = 0; k <= s % 7; ++k)
            csv += "S" + std::to_string(s) + "," + (s % 2 ? "b" : "a") + ",T" + std::to_string(k % 5) + ",m" +
                   std::to_string(k) + "," + std::to_string(s * 10 + k) + "\n";
    return csv;
}
}  // namespace

TEST_CASE("cell store: every cell where it was read after the store widens") {
    const auto st = build_cells(widening_csv());
    REQUIRE(st.subjects.size() == 30);
    REQUIRE(st.measures.size() == 7);
    REQUIRE(st.times.size() == 5);
    for (std::size_t s = 0; s < 30; ++s)
        for (std::size_t m = 0; m < 7; ++m)
            for (std::size_t t = 0; t < 5; ++t) {
                CAPTURE(s);
                CAPTURE(m);
                CAPTURE(t);
                const bool present = m <= s % 7 && t == m % 5;
                REQUIRE(st.at(m, s, t).has_value() == present);
                if (present) CHECK(st.at(m, s, t)->value == static_cast<double>(s * 10 + m));
            }
}

TEST_CASE("cell store: a duplicate names the first line, also after widening and for NA cells") {
    std::string csv = widening_csv();
    csv += "S3,b,T2,m2,NA\n";  // S3 had m2 at T2 on line 10 (header, S0..S2's 1 + 2 + 3 rows, S3's first two)
    const auto e = cells_error(csv);
    CHECK(e.find("duplicate score for subject \"S3\", time \"T2\", measure \"m2\" (first at line 10)") !=
          std::string::npos);
    const auto na = cells_error("subject,group,time,measure,score\nS1,a,T0,bdi,NA\nS1,a,T1,bdi,3\nS1,a,T0,bdi,4\n");
    CHECK(na.find("c.csv:4:5: duplicate score") != std::string::npos);
    CHECK(na.find("(first at line 2)") != std::string::npos);
}

TEST_CASE("cell store: the time order check reports the first row out of order") {
    const auto e = cells_error(
        "subject,group,time,measure,score\n"
        "P1,a,post,bdi,12\nP1,a,follow-up,bdi,10\nP1,a,post,gad7,3\n"
        "P2,a,post,bdi,20\nP2,a,follow-up,bdi,15\nP2,a,follow-up,gad7,2\nP2,a,post,gad7,4\n"
        "P3,a,follow-up,bdi,20\nP3,a,post,bdi,15\n");
    CHECK(e.find("subject \"P2\" has \"follow-up\" before \"post\"") != std::string::npos);
}

TEST_CASE("cell store: one text, one parsed score; different texts of one grid point agree") {
    const auto st = build_cells("subject,group,time,measure,score\n"
                                "S1,a,T0,bpi_severity,2.5\nS2,a,T0,bpi_severity,2.5\nS3,a,T0,bpi_severity,2.50\n"
                                "S4,a,T0,bpi_severity, 2.5\nS5,a,T0,bpi_severity,NA\n");
    for (std::size_t s = 0; s < 4; ++s) {
        REQUIRE(st.at(0, s, 0).has_value());
        CHECK(st.at(0, s, 0)->value == 2.5);
        REQUIRE(st.at(0, s, 0)->exact.has_value());
        CHECK(st.at(0, s, 0)->exact->num == 5);
        CHECK(st.at(0, s, 0)->exact->den == 2);
    }
    CHECK_FALSE(st.at(0, 4, 0).has_value());
    // a cached text is still checked against its row: the error repeats per row
    const auto e = cells_error("subject,group,time,measure,score\nS1,a,T0,bdi,99\nS2,a,T0,bdi,99\n");
    CHECK(e.find("c.csv:2:5:") != std::string::npos);
    CHECK(e.find("c.csv:3:5:") != std::string::npos);
}

TEST_CASE("score table: set, missing cells, dimension checks") {
    data::ScoreTable table(2, 3, 4);
    CHECK_FALSE(table.at(1, 2, 3).has_value());
    table.set(1, 2, 3, data::Score{4.5, data::Rational{9, 2}});
    table.set(0, 2, 3, data::Score{1.0, std::nullopt});
    CHECK(table.at(1, 2, 3)->value == 4.5);
    CHECK(table.at(0, 2, 3)->value == 1.0);
    CHECK_FALSE(table.at(0, 2, 2).has_value());
    table.set(1, 2, 3, std::nullopt);
    CHECK_FALSE(table.at(1, 2, 3).has_value());
    CHECK_THROWS_AS(data::ScoreTable(1, 1, 1, {0, 0}, {{std::nullopt}}), std::logic_error);
    CHECK_THROWS_AS(data::ScoreTable(1, 1, 1, {0}, {{data::Score{}}}), std::logic_error);
}
