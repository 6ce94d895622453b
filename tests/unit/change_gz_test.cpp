// change() derives g_z from the d_z it already computed (J(df) x d_z and its
// interval) instead of calling effects::hedges_gz, which would compute d_z's
// noncentral-t interval again: both must give the same doubles.
#include <doctest/doctest.h>

#include <string>

#include "pilotstat/analysis/change.hpp"
#include "pilotstat/data/study_builder.hpp"
#include "pilotstat/effects/paired_effects.hpp"

using namespace pilotstat;

TEST_CASE("change: g_z equals effects::hedges_gz bit for bit, nullopt where it is") {
    data::StudyOptions opt;
    const auto st = data::load_study(std::string(PILOTSTAT_TEST_DIR) + "/../data/examples/kap_pilot.csv", opt);
    for (const double conf : {0.9, 0.95}) {
        analysis::OptionMap options{{"conf", conf == 0.9 ? "0.9" : "0.95"}};
        const auto rows = analysis::change(st, analysis::change_options(st, options));
        REQUIRE(rows.size() >= 10);
        for (const auto& r : rows) {
            CAPTURE(r.measure);
            const auto want = effects::hedges_gz(r.pairs.differences, conf);
            REQUIRE(r.gz.has_value() == want.has_value());
            if (!want) continue;
            CHECK(r.gz->estimate == want->estimate);
            CHECK(r.gz->df == want->df);
            REQUIRE(r.gz->ci.has_value() == want->ci.has_value());
            if (want->ci) {
                CHECK(r.gz->ci->low == want->ci->low);
                CHECK(r.gz->ci->high == want->ci->high);
            }
        }
    }
    // two pairs: J(1) is 0, so no g_z (d_z may exist)
    io::CsvReader reader("two.csv", "subject,group,time,measure,score\nA,a,T0,bdi,10\nA,a,T1,bdi,7\nB,a,T0,bdi,12\nB,a,T1,bdi,6\n",
                         opt.csv);
    const auto two = data::build_study(reader, opt);
    const auto rows = analysis::change(two, analysis::change_options(two, {}));
    REQUIRE(rows.size() == 1);
    CHECK_FALSE(rows[0].gz.has_value());
    CHECK_FALSE(effects::hedges_gz(rows[0].pairs.differences, 0.95).has_value());
}
