// Instrument knowledge (data/instrument_norms): built-in values with their
// sources (docs/instruments.md), unknown values left unknown, --instruments
// overrides and their errors.
#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "pilotstat/data/instrument_norms.hpp"
#include "pilotstat/error.hpp"

using namespace pilotstat::data;

namespace {
std::string write_temp(const std::string& name, const std::string& text) {
    const std::string path = (std::filesystem::temp_directory_path() / ("pilotstat_" + name)).string();
    std::ofstream(path) << text;
    return path;
}

std::string load_error(const std::string& text) {
    const auto path = write_temp("norms_bad.csv", text);
    NormsRegistry r = NormsRegistry::builtin();
    try {
        r.load_csv(path);
    } catch (const pilotstat::DataError& e) {
        std::remove(path.c_str());
        return e.what();
    }
    std::remove(path.c_str());
    return "no error";
}
}  // namespace

TEST_CASE("InstrumentNorms: BDI-II built-ins carry the manual's values and sources") {
    const auto r = NormsRegistry::builtin();
    for (const char* name : {"bdi", "BDI2", "bdi_ii"}) {
        const auto* n = r.find(name);
        REQUIRE(n != nullptr);
        CHECK(*n->reliability == 0.93);  // Beck, Steer & Brown 1996: 1-week test-retest
        CHECK(n->reliability_type.find("test-retest") == 0);
        CHECK(n->reliability_source == "Beck, Steer & Brown 1996");
        CHECK(*n->sd == 12.75);  // manual: outpatients (n = 500) M 22.45, SD 12.75
        CHECK(*n->clinical_mean == 22.45);
        CHECK(*n->functional_mean == 12.56);  // college students (n = 120) M 12.56, SD 9.93
        CHECK(*n->functional_sd == 9.93);
        CHECK(*n->cutoff == 14.0);
        CHECK(*n->mcid_percent == 17.5);  // Button et al. 2015
        CHECK(n->mcid_source == "Button et al. 2015");
        REQUIRE(n->bands.size() == 4);
        CHECK(n->bands[0].label == "minimal");
        CHECK(n->bands[3].lo == 29.0);
        CHECK(n->bands[3].hi == 63.0);
    }
}

TEST_CASE("InstrumentNorms: other built-ins, and none for instruments without published values") {
    const auto r = NormsRegistry::builtin();
    CHECK(*r.find("gad7")->cutoff == 10.0);
    CHECK(r.find("gad7")->bands.size() == 4);
    CHECK(*r.find("phq9")->mcid_points == 5.0);
    CHECK(r.find("phq9")->bands.size() == 5);
    CHECK(*r.find("pcl5")->cutoff == 33.0);
    CHECK(*r.find("pcl5")->mcid_points == 10.0);
    CHECK(r.find("pcl5")->bands.empty());
    CHECK(*r.find("bpi_severity")->mcid_percent == 30.0);
    CHECK_FALSE(r.find("bpi_severity")->reliability.has_value());
    CHECK(r.find("madrs")->bands.size() == 4);
    CHECK(r.find("bpi_interference") == nullptr);
    CHECK(r.find("meq30") == nullptr);
    // Every built-in value names its source.
    for (const char* name : {"bdi", "gad7", "phq9", "pcl5", "bpi_severity", "madrs"}) {
        const auto* n = r.find(name);
        CAPTURE(name);
        if (n->reliability) CHECK_FALSE(n->reliability_source.empty());
        if (n->cutoff) CHECK_FALSE(n->cutoff_source.empty());
        if (n->mcid_points || n->mcid_percent) CHECK_FALSE(n->mcid_source.empty());
        if (!n->bands.empty()) CHECK_FALSE(n->bands_source.empty());
    }
}

TEST_CASE("InstrumentNorms: bands parse and look-up") {
    std::string err;
    const auto b = parse_bands("minimal:0-13; mild:14-19;moderate:20-28;severe:29-63", err);
    REQUIRE(b.has_value());
    CHECK(b->size() == 4);
    CHECK(find_band(*b, 13)->label == "minimal");
    CHECK(find_band(*b, 14)->label == "mild");
    CHECK(find_band(*b, 13.5) == nullptr);
    CHECK(find_band(*b, 64) == nullptr);
    const auto neg = parse_bands("low:-3--1;high:0-2.5", err);
    REQUIRE(neg.has_value());
    CHECK((*neg)[0].lo == -3.0);
    CHECK((*neg)[0].hi == -1.0);
    CHECK_FALSE(parse_bands("minimal 0-13", err).has_value());
    CHECK(err == "band \"minimal 0-13\" is not label:lo-hi");
    CHECK_FALSE(parse_bands("a:5-3", err).has_value());
    CHECK_FALSE(parse_bands("a:0-5;b:5-9", err).has_value());
    CHECK(err == "band \"b:5-9\" overlaps or precedes the band before it");
    CHECK_FALSE(parse_bands("", err).has_value());
}

TEST_CASE("InstrumentNorms: --instruments adds and overrides, keeping what it leaves empty") {
    const auto path = write_temp("norms_ok.csv",
                                 "name,min,max,step,higher_is_worse,sd,sd_source,reliability,source,bands,colour\n"
                                 "bdi,0,63,1,true,12,Some et al. 2020,,,,blue\n"
                                 "myscale,0,40,1,true,6.5,,0.8,Other 2019,low:0-9;high:10-40,red\n");
    auto r = NormsRegistry::builtin();
    r.load_csv(path);
    std::remove(path.c_str());
    const auto* bdi = r.find("bdi");
    CHECK(*bdi->sd == 12.0);
    CHECK(bdi->sd_source == "Some et al. 2020");
    CHECK(*bdi->reliability == 0.93);  // kept
    CHECK(bdi->bands.size() == 4);     // kept
    CHECK(*r.find("BDI-II")->sd == 12.0);  // aliases name one entry: overriding bdi overrides BDI-II
    const auto* mine = r.find("MyScale");
    REQUIRE(mine != nullptr);
    CHECK(*mine->reliability == 0.8);
    CHECK(mine->reliability_source == "Other 2019");  // from the `source` column
    CHECK(mine->sd_source == "Other 2019");
    CHECK(mine->bands.size() == 2);
}

TEST_CASE("InstrumentNorms: bad values in --instruments name file, line and column") {
    const auto e1 = load_error("name,reliability\nbdi,1\n");
    CHECK(e1.find("norms_bad.csv:2:2: reliability must be at least 0 and below 1") != std::string::npos);
    const auto e2 = load_error("name,sd\nbdi,-2\n");
    CHECK(e2.find(":2:2: sd must be positive") != std::string::npos);
    const auto e3 = load_error("name,mcid_points\nbdi,x\n");
    CHECK(e3.find(":2:2: \"x\" is not a number (column \"mcid_points\")") != std::string::npos);
    const auto e4 = load_error("name,bands\nbdi,a:1-0\n");
    CHECK(e4.find(":2:2: band \"a:1-0\" needs a label and numbers lo <= hi") != std::string::npos);
    CHECK(load_error("label,sd\nx,1\n").find("lacks column \"name\"") != std::string::npos);
}
