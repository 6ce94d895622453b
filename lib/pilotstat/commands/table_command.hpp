// Runs a table-producing subcommand by name on a loaded study, with its
// options as key=value text. This is how `check` recomputes any number a
// command prints without going through the command line: the selection
// `change measure=bdi ... conf=0.9 column=p_t` becomes
// run_table_command("change", study, {{"conf", "0.9"}}).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "pilotstat/analysis/option_values.hpp"
#include "pilotstat/data/instrument_norms.hpp"
#include "pilotstat/data/study.hpp"
#include "pilotstat/report/result_table.hpp"

namespace pilotstat::commands {

// Commands that produce one ResultTable ("describe", "change", "compare", ...).
const std::vector<std::string>& table_commands();

// Option keys a command accepts (e.g. "conf", "from", "to", "on", "seed").
const std::vector<std::string>& table_command_options(const std::string& command);

// `power` needs no study: run_power_command computes it from the options alone.
report::ResultTable run_power_command(const analysis::OptionMap& options);

// Throws UsageError for an unknown command or option key or a bad value.
// `norms`: the instruments' reliability, SD and cut-offs (built-in plus
// --instruments), which individual and report rows depend on; the CLI and
// `check` pass the same registry, so check recomputes what the command prints.
report::ResultTable run_table_command(const std::string& command, const data::Study& study,
                                      const analysis::OptionMap& options,
                                      const data::NormsRegistry& norms = data::NormsRegistry::builtin());

}  // namespace pilotstat::commands
