#include "pilotstat/data/instrument_norms.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "pilotstat/data/decimal.hpp"
#include "pilotstat/data/instrument_aliases.hpp"
#include "pilotstat/error.hpp"
#include "pilotstat/io/csv_reader.hpp"
#include "pilotstat/io/text.hpp"

namespace pilotstat::data {

namespace {

std::string trimmed(std::string_view s) { return std::string(io::trim_blanks(s)); }

InstrumentNorms bdi2() {
    InstrumentNorms n;
    n.name = "bdi";
    n.reliability = 0.93;
    n.reliability_type = "test-retest (1 week, 26 outpatients)";
    n.reliability_source = "Beck, Steer & Brown 1996";
    // BDI-II manual normative samples: 500 psychiatric outpatients (M 22.45,
    // SD 12.75) and 120 college students (M 12.56, SD 9.93). The outpatient SD
    // is the reference SD for SE_m, as in Jacobson-Truax analyses of clinical samples.
    n.sd = 12.75;
    n.sd_source = "Beck, Steer & Brown 1996 (outpatients, n = 500)";
    n.clinical_mean = 22.45;
    n.clinical_sd = 12.75;
    n.functional_mean = 12.56;
    n.functional_sd = 9.93;
    n.norms_source = "Beck, Steer & Brown 1996 (outpatients n = 500; college students n = 120)";
    n.cutoff = 14;
    n.cutoff_source = "Beck, Steer & Brown 1996 (lowest score of the mild band)";
    n.mcid_percent = 17.5;
    n.mcid_source = "Button et al. 2015";
    n.bands = {{"minimal", 0, 13}, {"mild", 14, 19}, {"moderate", 20, 28}, {"severe", 29, 63}};
    n.bands_source = "Beck, Steer & Brown 1996";
    return n;
}

InstrumentNorms gad7() {
    InstrumentNorms n;
    n.name = "gad7";
    n.reliability = 0.83;
    n.reliability_type = "test-retest (intraclass correlation)";
    n.reliability_source = "Spitzer et al. 2006";
    n.cutoff = 10;
    n.cutoff_source = "Spitzer et al. 2006";
    n.bands = {{"minimal", 0, 4}, {"mild", 5, 9}, {"moderate", 10, 14}, {"severe", 15, 21}};
    n.bands_source = "Spitzer et al. 2006";
    return n;
}

InstrumentNorms phq9() {
    InstrumentNorms n;
    n.name = "phq9";
    n.reliability = 0.84;
    n.reliability_type = "test-retest (48 hours)";
    n.reliability_source = "Kroenke, Spitzer & Williams 2001";
    n.cutoff = 10;
    n.cutoff_source = "Kroenke, Spitzer & Williams 2001";
    n.mcid_points = 5;
    n.mcid_source = "Lowe et al. 2004";
    n.bands = {{"minimal", 0, 4},
               {"mild", 5, 9},
               {"moderate", 10, 14},
               {"moderately severe", 15, 19},
               {"severe", 20, 27}};
    n.bands_source = "Kroenke, Spitzer & Williams 2001";
    return n;
}

InstrumentNorms pcl5() {
    InstrumentNorms n;
    n.name = "pcl5";
    n.reliability = 0.82;
    n.reliability_type = "test-retest (1 week)";
    n.reliability_source = "Blevins et al. 2015";
    n.cutoff = 33;
    n.cutoff_source = "Bovin et al. 2016 (optimal range 31-33; 33 used)";
    n.mcid_points = 10;
    n.mcid_source = "National Center for PTSD PCL-5 guidance (Weathers et al. 2013)";
    return n;
}

InstrumentNorms bpi_severity() {
    InstrumentNorms n;
    n.name = "bpi_severity";
    n.mcid_percent = 30;
    n.mcid_source = "Dworkin et al. 2008 (IMMPACT: 30% reduction moderately important)";
    return n;
}

InstrumentNorms madrs() {
    InstrumentNorms n;
    n.name = "madrs";
    n.bands = {{"normal", 0, 6}, {"mild", 7, 19}, {"moderate", 20, 34}, {"severe", 35, 60}};
    n.bands_source = "Snaith et al. 1986";
    return n;
}

template <class T>
void take(std::optional<T>& to, const std::optional<T>& from, std::string& to_src, const std::string& from_src) {
    if (!from) return;
    to = from;
    to_src = from_src;
}

}  // namespace

NormsRegistry NormsRegistry::builtin() {
    NormsRegistry r;
    // each also answers to its aliases (BDI-II, bdi2, bdi_total, ...; instrument_aliases.cpp)
    for (auto n : {bdi2(), gad7(), phq9(), pcl5(), bpi_severity(), madrs()}) r.merge(n);
    return r;
}

void NormsRegistry::merge(const InstrumentNorms& n) {
    auto [it, inserted] = by_name_.try_emplace(instrument_key(n.name), n);
    if (inserted) return;
    InstrumentNorms& o = it->second;
    if (n.reliability) {
        o.reliability = n.reliability;
        o.reliability_type = n.reliability_type;
        o.reliability_source = n.reliability_source;
    }
    take(o.sd, n.sd, o.sd_source, n.sd_source);
    if (n.clinical_mean || n.clinical_sd || n.functional_mean || n.functional_sd) {
        std::string unused;
        take(o.clinical_mean, n.clinical_mean, unused, n.norms_source);
        take(o.clinical_sd, n.clinical_sd, unused, n.norms_source);
        take(o.functional_mean, n.functional_mean, unused, n.norms_source);
        take(o.functional_sd, n.functional_sd, unused, n.norms_source);
        o.norms_source = n.norms_source;
    }
    take(o.cutoff, n.cutoff, o.cutoff_source, n.cutoff_source);
    if (n.mcid_points || n.mcid_percent) {
        o.mcid_points = n.mcid_points;
        o.mcid_percent = n.mcid_percent;
        o.mcid_source = n.mcid_source;
    }
    if (!n.bands.empty()) {
        o.bands = n.bands;
        o.bands_source = n.bands_source;
    }
}

const InstrumentNorms* NormsRegistry::find(std::string_view name) const {
    auto it = by_name_.find(instrument_key(name));
    return it == by_name_.end() ? nullptr : &it->second;
}

namespace {

// One row of an --instruments file, read column by column.
class RowReader {
public:
    RowReader(const io::CsvReader& reader, const io::CsvRecord& rec) : reader_(reader), rec_(rec) {}

    std::string text(const std::string& column) const {
        const auto c = index(column);
        return c ? trimmed(rec_.fields[*c]) : std::string();
    }
    // Empty cell or no column: nullopt. Otherwise a number with min <= x
    // (x > min when `strict`) and x < max.
    std::optional<double> number(const std::string& column, double min, bool strict, double max,
                                 const char* range) const {
        const auto c = index(column);
        if (!c) return std::nullopt;
        const std::string t = trimmed(rec_.fields[*c]);
        if (t.empty()) return std::nullopt;
        const auto v = parse_finite(t);
        if (!v) fail(*c, "\"" + t + "\" is not a number (column \"" + column + "\")");
        if (*v < min || (strict && *v == min) || *v >= max)
            fail(*c, column + " must be " + range + " (\"" + t + "\")");
        return v;
    }
    std::string source(const std::string& column) const {
        const std::string s = text(column);
        return s.empty() ? text("source") : s;
    }
    [[noreturn]] void fail(std::size_t c, const std::string& message) const {
        throw DataError(SourceLocation{reader_.source_name(), rec_.line, c + 1}, message);
    }
    std::optional<std::size_t> index(const std::string& column) const {
        const auto& h = reader_.header();
        const auto it = std::find(h.begin(), h.end(), column);
        if (it == h.end()) return std::nullopt;
        return static_cast<std::size_t>(it - h.begin());
    }

private:
    const io::CsvReader& reader_;
    const io::CsvRecord& rec_;
};

constexpr double kHuge = 1e300;

InstrumentNorms read_norms(const RowReader& row) {
    InstrumentNorms n;
    n.name = row.text("name");
    n.reliability = row.number("reliability", 0.0, false, 1.0, "at least 0 and below 1");
    n.reliability_type = row.text("reliability_type");
    n.reliability_source = row.source("reliability_source");
    n.sd = row.number("sd", 0.0, true, kHuge, "positive");
    n.sd_source = row.source("sd_source");
    n.clinical_mean = row.number("clinical_mean", -kHuge, false, kHuge, "a number");
    n.clinical_sd = row.number("clinical_sd", 0.0, true, kHuge, "positive");
    n.functional_mean = row.number("functional_mean", -kHuge, false, kHuge, "a number");
    n.functional_sd = row.number("functional_sd", 0.0, true, kHuge, "positive");
    n.norms_source = row.source("norms_source");
    n.cutoff = row.number("cutoff", -kHuge, false, kHuge, "a number");
    n.cutoff_source = row.source("cutoff_source");
    n.mcid_points = row.number("mcid_points", 0.0, true, kHuge, "positive");
    n.mcid_percent = row.number("mcid_percent", 0.0, true, kHuge, "positive");
    n.mcid_source = row.source("mcid_source");
    if (const std::string b = row.text("bands"); !b.empty()) {
        std::string error;
        auto bands = parse_bands(b, error);
        if (!bands) row.fail(*row.index("bands"), error);
        n.bands = std::move(*bands);
        n.bands_source = row.source("bands_source");
    }
    return n;
}

}  // namespace

void NormsRegistry::load_csv(const std::string& path) {
    io::CsvReader reader(path, io::CsvOptions{});
    const auto& h = reader.header();
    if (std::find(h.begin(), h.end(), "name") == h.end())
        throw DataError(SourceLocation{reader.source_name(), reader.header_line(), 0},
                        "instruments file lacks column \"name\"");
    io::CsvRecord rec;
    while (reader.next(rec)) {
        const RowReader row(reader, rec);
        auto n = read_norms(row);
        if (n.name.empty()) row.fail(*row.index("name"), "instrument needs a name");
        merge(n);
    }
}

std::optional<std::vector<Band>> parse_bands(std::string_view text, std::string& error) {
    std::vector<Band> bands;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        const std::size_t end = std::min(text.find(';', pos), text.size());
        const std::string item = trimmed(text.substr(pos, end - pos));
        pos = end + 1;
        if (item.empty()) continue;
        const auto colon = item.rfind(':');
        const auto dash = colon == std::string::npos ? std::string::npos : item.find('-', colon + 2);
        if (colon == std::string::npos || dash == std::string::npos) {
            error = "band \"" + item + "\" is not label:lo-hi";
            return std::nullopt;
        }
        const auto lo = parse_finite(trimmed(item.substr(colon + 1, dash - colon - 1)));
        const auto hi = parse_finite(trimmed(item.substr(dash + 1)));
        const std::string label = trimmed(item.substr(0, colon));
        if (label.empty() || !lo || !hi || *lo > *hi) {
            error = "band \"" + item + "\" needs a label and numbers lo <= hi";
            return std::nullopt;
        }
        if (!bands.empty() && *lo <= bands.back().hi) {
            error = "band \"" + item + "\" overlaps or precedes the band before it";
            return std::nullopt;
        }
        bands.push_back({label, *lo, *hi});
    }
    if (bands.empty()) {
        error = "no bands given";
        return std::nullopt;
    }
    return bands;
}

const Band* find_band(const std::vector<Band>& bands, double score) {
    for (const auto& b : bands) {
        const double slack = 1e-9 * std::max(1.0, std::fabs(b.hi));
        if (score >= b.lo - slack && score <= b.hi + slack) return &b;
    }
    return nullptr;
}

}  // namespace pilotstat::data
