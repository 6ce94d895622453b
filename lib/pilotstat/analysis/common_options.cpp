#include "pilotstat/analysis/common_options.hpp"

#include "pilotstat/analysis/option_ranges.hpp"
#include "pilotstat/error.hpp"

namespace pilotstat::analysis {

const std::vector<std::string>& exact_option_keys() {
    static const std::vector<std::string> keys{"alternative", "two_sided", "resamples", "seed", "exact_limit", "dp_limit"};
    return keys;
}

const std::vector<std::string>& boot_option_keys() {
    static const std::vector<std::string> keys{"boot_method", "boot_resamples", "seed", "conf", "boot_exact_limit"};
    return keys;
}

core::ExactOptions exact_options(const OptionReader& opt) {
    core::ExactOptions o;
    o.alternative = core::parse_alternative(opt.text("alternative", "two-sided"));
    const auto rule = opt.text("two_sided", "deviation");
    if (rule == "deviation") o.two_sided_rule = core::TwoSidedRule::deviation;
    else if (rule == "doubled") o.two_sided_rule = core::TwoSidedRule::doubled;
    else throw UsageError("unknown two-sided rule \"" + rule + "\" (valid: deviation, doubled)");
    o.resamples = opt.count("resamples", 100000, ranges::resamples);
    o.seed = opt.count("seed", core::kDefaultSeed, ranges::seed);
    o.max_enumeration = static_cast<double>(opt.count("exact_limit", 5000000, ranges::exact_limit));
    o.max_dp_cells = static_cast<double>(opt.count("dp_limit", 200000000, ranges::dp_limit));
    return o;
}

bootstrap::BootstrapOptions boot_options(const OptionReader& opt) {
    bootstrap::BootstrapOptions b;
    const auto name = opt.text("boot_method", std::string(bootstrap::method_name(bootstrap::default_method())));
    const auto method = bootstrap::parse_method(name);
    if (!method) throw UsageError("unknown bootstrap method \"" + name + "\" (valid: percentile, bca, expanded-percentile)");
    b.method = *method;
    b.conf = opt.real("conf", 0.95, ranges::conf);
    b.resamples = opt.count("boot_resamples", 10000, ranges::boot_resamples);
    b.seed = opt.count("seed", core::kDefaultSeed, ranges::seed);
    b.max_exact = static_cast<double>(opt.count("boot_exact_limit", 1000000, ranges::boot_exact_limit));
    return b;
}

std::size_t one_time(const data::Study& study, const std::string& name, const std::string& option) {
    if (auto t = study.time_index(name)) return *t;
    std::string times;
    for (const auto& t : study.times) times += (times.empty() ? "" : ", ") + t;
    throw DataError(SourceLocation{study.source, 0, 0},
                    option + " \"" + name + "\" is not a time in the data (times: " + times + ")");
}

void require_two_times(const data::Study& study, const std::string& what) {
    if (study.times.size() != 1) return;
    throw UsageError(what + " needs two time points; the study has one (\"" + study.times.front() +
                     "\"): describe summarises the scores at it" +
                     (study.groups.size() >= 2 ? ", compare and report compare the arms on them" : ""));
}

std::vector<std::size_t> time_list(const data::Study& study, const std::string& text, const std::string& option) {
    std::vector<std::size_t> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        const auto comma = text.find(',', start);
        const auto name = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        if (!name.empty()) out.push_back(one_time(study, name, option));
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    return out;
}

}  // namespace pilotstat::analysis
