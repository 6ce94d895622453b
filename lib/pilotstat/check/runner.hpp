// Runs expectations: recomputes each number and compares it with its
// tolerance (docs/check.md). A row that cannot be computed (no row matched,
// several matched, no --data, a bad option value) fails with the reason;
// it never stops the other rows.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "pilotstat/commands/table_command.hpp"
#include "pilotstat/check/expectations.hpp"
#include "pilotstat/check/outcome.hpp"
#include "pilotstat/data/study.hpp"
#include "pilotstat/report/result_table.hpp"

namespace pilotstat::check {

struct RowResult {
    Expectation expectation;
    Outcome outcome;
};

struct CheckRun {
    std::vector<RowResult> rows;
    std::size_t passed() const;
    std::size_t failed() const;
};

// Each (command, options) table is computed once per run. Errors computing
// a table are remembered and reported for every row that needs it.
class TableCache {
public:
    explicit TableCache(const data::Study* study, const data::NormsRegistry& norms = data::NormsRegistry::builtin())
        : study_(study), norms_(norms) {}
    // Throws pilotstat::Error (UsageError for a bad option, ...) or
    // std::invalid_argument when there is no study.
    const report::ResultTable& get(const std::string& command, const analysis::OptionMap& options);

private:
    const data::Study* study_;
    const data::NormsRegistry& norms_;
    std::map<std::string, report::ResultTable> tables_;
    std::map<std::string, std::string> errors_;
};

// One row needing raw data.
Outcome run_data_row(const Expectation& e, TableCache& cache);

// Every row in order; `study` may be null when no --data was given.
// `norms` as for commands::run_table_command (the --instruments file's too).
CheckRun run_checks(const std::vector<Expectation>& expectations, const data::Study* study,
                    const data::NormsRegistry& norms = data::NormsRegistry::builtin());

}  // namespace pilotstat::check
