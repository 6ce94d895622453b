// Umbrella header: everything a C++ user of the library normally needs, in
// one include. Link the CMake target pilotstat::pilotstat (find_package
// (pilotstat)) or use pkg-config's pilotstat. See docs/library.md.
#pragma once

#include "pilotstat/error.hpp"
#include "pilotstat/version.hpp"

// io
#include "pilotstat/io/csv_reader.hpp"

// data
#include "pilotstat/data/decimal.hpp"
#include "pilotstat/data/instrument_norms.hpp"
#include "pilotstat/data/instruments.hpp"
#include "pilotstat/data/study.hpp"
#include "pilotstat/data/study_builder.hpp"

// stats
#include "pilotstat/stats/descriptive.hpp"
#include "pilotstat/stats/moments.hpp"
#include "pilotstat/stats/noncentral_t.hpp"
#include "pilotstat/stats/proportions.hpp"
#include "pilotstat/stats/ranks.hpp"

// inference
#include "pilotstat/inference/contingency_tests.hpp"
#include "pilotstat/core/exact_options.hpp"
#include "pilotstat/inference/k_sample_tests.hpp"
#include "pilotstat/null/exact_distribution.hpp"
#include "pilotstat/null/monte_carlo.hpp"
#include "pilotstat/null/p_floor.hpp"
#include "pilotstat/null/provider.hpp"
#include "pilotstat/null/run.hpp"
#include "pilotstat/null/tails.hpp"
#include "pilotstat/inference/paired_t_test.hpp"
#include "pilotstat/inference/permutation_test.hpp"
#include "pilotstat/inference/sign_test.hpp"
#include "pilotstat/inference/signflip_test.hpp"
#include "pilotstat/inference/signrank_test.hpp"
#include "pilotstat/inference/t_tests.hpp"
#include "pilotstat/core/test_result.hpp"
#include "pilotstat/inference/wmw_test.hpp"

// effects
#include "pilotstat/effects/cliffs_delta.hpp"
#include "pilotstat/effects/hedges_g.hpp"
#include "pilotstat/effects/hodges_lehmann.hpp"
#include "pilotstat/core/interval.hpp"
#include "pilotstat/effects/paired_effects.hpp"

// bootstrap
#include "pilotstat/bootstrap/bootstrap_distribution.hpp"
#include "pilotstat/bootstrap/intervals.hpp"
#include "pilotstat/bootstrap/mean_difference_distribution.hpp"

// models
#include "pilotstat/models/ancova.hpp"
#include "pilotstat/models/summary_measures.hpp"

// multiplicity
#include "pilotstat/multiplicity/p_adjust.hpp"
#include "pilotstat/multiplicity/westfall_young.hpp"

// power
#include "pilotstat/power/permutation_power.hpp"
#include "pilotstat/power/sensitivity.hpp"
#include "pilotstat/power/t_power.hpp"

// analysis: the subcommands' computations on a whole study
#include "pilotstat/analysis/change.hpp"
#include "pilotstat/analysis/compare.hpp"
#include "pilotstat/analysis/describe.hpp"
#include "pilotstat/analysis/individual.hpp"
#include "pilotstat/study_report/study_report.hpp"

// report: result tables and their renderers (text, csv, tsv, json, markdown)
#include "pilotstat/report/renderer.hpp"
#include "pilotstat/report/result_table.hpp"
