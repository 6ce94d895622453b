#include <doctest/doctest.h>

#include "pilotstat/data/instrument_aliases.hpp"
#include "pilotstat/data/instrument_norms.hpp"
#include "pilotstat/data/instruments.hpp"

using namespace pilotstat::data;

TEST_CASE("instrument aliases: case and punctuation are ignored, common spellings are aliases") {
    const auto r = InstrumentRegistry::builtin();
    for (const char* name : {"bdi", "BDI-II", "bdi2", "bdi_ii", "BDI II", "bdi_total", "BDI-II total"}) {
        INFO(name);
        REQUIRE(r.find(name) != nullptr);
        CHECK(r.find(name)->label == "BDI-II");
        CHECK(r.find(name)->max == 63);
    }
    CHECK(r.find("GAD-7")->label == "GAD-7");
    CHECK(r.find("gad7_total")->max == 21);
    CHECK(r.find("PHQ-9")->max == 27);
    CHECK(r.find("PCL-5")->max == 80);
    CHECK(r.find("bpi_sev")->label == "BPI severity");
    CHECK(r.find("BPI interference")->label == "BPI interference");
    CHECK(r.find("bdi_2_total") == nullptr);  // not an alias: item 2? a renamed total?
    CHECK(r.find("mood") == nullptr);
}

TEST_CASE("instrument aliases: norms answer to the same names") {
    const auto n = NormsRegistry::builtin();
    REQUIRE(n.find("BDI-II") != nullptr);
    CHECK(*n.find("BDI-II")->sd == *n.find("bdi")->sd);
    REQUIRE(n.find("GAD-7") != nullptr);
    CHECK(n.find("gad7_total")->cutoff == n.find("gad7")->cutoff);
}

TEST_CASE("instrument aliases: a name that starts like an instrument gets a note") {
    CHECK(unrecognised_instrument_note("bdi_2_total", false).has_value());
    CHECK(unrecognised_instrument_note("GAD7_week", false).has_value());
    CHECK_FALSE(unrecognised_instrument_note("bdi_2_total", true).has_value());
    CHECK_FALSE(unrecognised_instrument_note("mood", false).has_value());
    CHECK_FALSE(unrecognised_instrument_note("bpi", false).has_value());  // the stem alone is no claim
    CHECK(instrument_key("BDI-II") == "bdi");
    CHECK(normalized_name("Bpi_Sev-1") == "bpisev1");
}
