// How load_study orders times and recognises instruments by alias (issue: real-world input).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "pilotstat/data/study_builder.hpp"
#include "pilotstat/error.hpp"

using namespace pilotstat;

namespace {
data::Study build(const std::string& csv, data::StudyOptions opt = {}) {
    io::CsvReader reader("s.csv", csv, opt.csv);
    return data::build_study(reader, opt);
}
std::string error_of(const std::string& csv, data::StudyOptions opt = {}) {
    try {
        build(csv, opt);
    } catch (const DataError& e) {
        return e.what();
    }
    return "";
}
using V = std::vector<std::string>;
}  // namespace

TEST_CASE("study: a first subject who missed week 2 does not move week 2 after week 6") {
    const auto st = build(
        "subject,group,time,measure,score\n"
        "P1,a,baseline,bdi,20\nP1,a,week 6,bdi,12\n"
        "P2,a,baseline,bdi,25\nP2,a,week 2,bdi,20\nP2,a,week 6,bdi,15\n");
    CHECK(st.times == V{"baseline", "week 2", "week 6"});
    CHECK(st.baseline == 0);
    CHECK(st.at(0, 0, 2)->value == 12);  // P1's week 6 is at week 6
    CHECK_FALSE(st.at(0, 0, 1).has_value());
    CHECK(st.at(0, 1, 1)->value == 20);
}

TEST_CASE("study: labels without a natural order keep the file's order only when subjects agree") {
    const auto st = build(
        "subject,group,time,measure,score\n"
        "P1,a,pre,bdi,20\nP1,a,post,bdi,12\nP2,a,pre,bdi,25\nP2,a,post,bdi,15\n");
    CHECK(st.times == V{"pre", "post"});
    const auto e = error_of(
        "subject,group,time,measure,score\n"
        "P1,a,post,bdi,12\nP1,a,follow-up,bdi,10\nP2,a,follow-up,bdi,20\nP2,a,post,bdi,15\n");
    CHECK(e.find("s.csv:1:3:") == 0);
    CHECK(e.find("cannot tell the order of the times") != std::string::npos);
    CHECK(e.find("--times") != std::string::npos);
    data::StudyOptions opt;
    opt.times = {"post", "follow-up"};
    CHECK(build("subject,group,time,measure,score\n"
                "P1,a,post,bdi,12\nP1,a,follow-up,bdi,10\nP2,a,follow-up,bdi,20\nP2,a,post,bdi,15\n",
                opt)
              .times == V{"post", "follow-up"});
}

TEST_CASE("study: wide columns are ordered naturally too") {
    const auto st = build("subject,group,bdi_T10,bdi_T2,bdi_T0\nP1,a,1,2,3\n");
    CHECK(st.times == V{"T0", "T2", "T10"});
    CHECK(st.at(0, 0, 0)->value == 3);
}

TEST_CASE("study: measures named by an alias get the instrument's range, with the user's name kept") {
    const auto e = error_of("subject,group,time,measure,score\nS1,a,T0,BDI-II,70\n");
    CHECK(e.find("s.csv:2:5:") == 0);
    CHECK(e.find("outside the range") != std::string::npos);
    const auto st = build("subject,group,time,measure,score\nS1,a,T0,GAD-7,20\nS1,a,T0,bdi_2_total,20\n");
    CHECK(st.measures == V{"GAD-7", "bdi_2_total"});
    CHECK(st.label(0) == "GAD-7");
    REQUIRE(st.notes.size() == 1);
    CHECK(st.notes[0].find("bdi_2_total") != std::string::npos);
}
