// Options shared by change and compare, read from key=value text so that the
// command line and `check` expectations go through one parser.
#pragma once

#include <string>
#include <vector>

#include "pilotstat/analysis/option_values.hpp"
#include "pilotstat/bootstrap/intervals.hpp"
#include "pilotstat/data/study.hpp"
#include "pilotstat/core/exact_options.hpp"

namespace pilotstat::analysis {

// Keys: alternative, two_sided (deviation|doubled), resamples, seed, exact_limit, dp_limit.
core::ExactOptions exact_options(const OptionReader& opt);
// Keys: boot_method, boot_resamples, seed, conf, boot_exact_limit.
bootstrap::BootstrapOptions boot_options(const OptionReader& opt);

// The option keys the two readers above accept.
const std::vector<std::string>& exact_option_keys();
const std::vector<std::string>& boot_option_keys();

// A comma-separated list of time names resolved to indices; throws DataError
// naming the study's times for an unknown name.
std::vector<std::size_t> time_list(const data::Study& study, const std::string& text, const std::string& option);
std::size_t one_time(const data::Study& study, const std::string& name, const std::string& option);
// Throws UsageError when the study has one time point (cross-sectional data):
// `what` ("change", "individual") needs two; the message names what works.
void require_two_times(const data::Study& study, const std::string& what);

}  // namespace pilotstat::analysis
