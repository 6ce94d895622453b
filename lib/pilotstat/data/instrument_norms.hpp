// Clinical knowledge per instrument, for individual-level change (Jacobson &
// Truax 1991): reliability, the SD for the standard error of measurement,
// clinical and functional population norms, a published clinical cut-off, the
// minimal clinically important difference (MCID) and severity bands. Every
// value carries its source (author, year); values without a source we are
// sure of are left unknown, never guessed (docs/instruments.md lists them).
// --instruments FILE adds or overrides any of them (load_csv).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pilotstat::data {

// A severity band: scores lo <= x <= hi carry `label`.
struct Band {
    std::string label;
    double lo = 0.0;
    double hi = 0.0;
};

struct InstrumentNorms {
    std::string name;

    // Reliability used for SE_m = SD sqrt(1 - r); type says which
    // ("test-retest", "internal consistency", ...).
    std::optional<double> reliability;
    std::string reliability_type, reliability_source;

    // SD of the reference population used for SE_m.
    std::optional<double> sd;
    std::string sd_source;

    // Means and SDs of a clinical and a functional population (criteria a/b/c).
    std::optional<double> clinical_mean, clinical_sd, functional_mean, functional_sd;
    std::string norms_source;

    // A published cut-off: the lowest score of the clinical range (or, for a
    // scale where higher is better, the highest one).
    std::optional<double> cutoff;
    std::string cutoff_source;

    // MCID as points of improvement and/or percent improvement from `from`.
    std::optional<double> mcid_points, mcid_percent;
    std::string mcid_source;

    std::vector<Band> bands;  // in score order
    std::string bands_source;
};

class NormsRegistry {
public:
    // The built-in knowledge (docs/instruments.md): BDI-II, GAD-7, PHQ-9,
    // PCL-5, BPI severity, MADRS; the other built-in instruments have none.
    static NormsRegistry builtin();

    // Adds `norms`, or merges it into an existing entry of the same name
    // (case-insensitive): every value `norms` has replaces the old one (with
    // its source); values it lacks keep the old ones.
    void merge(const InstrumentNorms& norms);
    const InstrumentNorms* find(std::string_view name) const;

    // Reads the optional columns of an --instruments CSV (only `name` is
    // required here; columns it does not know are ignored): reliability,
    // reliability_type, reliability_source, sd, sd_source, clinical_mean,
    // clinical_sd, functional_mean, functional_sd, norms_source, cutoff,
    // cutoff_source, mcid_points, mcid_percent, mcid_source, bands
    // ("minimal:0-13;mild:14-19"), bands_source, and source (used for any
    // *_source left empty). An empty cell keeps the built-in value. Throws
    // DataError with FILE:LINE:COLUMN on a bad value (reliability outside
    // [0, 1), SD or MCID <= 0, a malformed band).
    void load_csv(const std::string& path);

private:
    std::map<std::string, InstrumentNorms> by_name_;  // key: lower-case name
};

// Parses "label:lo-hi;label:lo-hi" (lo <= hi, bands in increasing order, not
// overlapping). Returns nullopt and sets `error` when malformed.
std::optional<std::vector<Band>> parse_bands(std::string_view text, std::string& error);

// The band containing `score`, or nullptr.
const Band* find_band(const std::vector<Band>& bands, double score);

}  // namespace pilotstat::data
