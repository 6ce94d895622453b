// `pilotstat individual`: individual-level change (Jacobson & Truax 1991).
// `change --individual` is an alias: it adds these options and calls
// run_individual.
#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "common.hpp"
#include "pilotstat/analysis/individual.hpp"

namespace pilotstat::cli {

struct IndividualOptions {
    InputArgs input;
    OutputArgs output;
    std::string from;             // empty: the study baseline
    std::vector<std::string> to;  // empty: every later time
    double rci_z = analysis::kReliableChangeZ;
    std::string rci_sd = "instrument";  // instrument | baseline
    bool summary = false;               // per-arm counts + exact test instead of per-subject rows
};

// The options other than input/output (--from, --to, --rci-z, --rci-sd, --summary).
void add_individual_options(CLI::App& app, IndividualOptions& options);
void run_individual(const IndividualOptions& options);
void setup_individual(CLI::App& app);

}  // namespace pilotstat::cli
