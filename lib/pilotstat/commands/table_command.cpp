#include "pilotstat/commands/table_command.hpp"

#include <algorithm>

#include "pilotstat/analysis/change.hpp"
#include "pilotstat/analysis/compare.hpp"
#include "pilotstat/analysis/compare_mmrm.hpp"
#include "pilotstat/analysis/describe.hpp"
#include "pilotstat/analysis/individual.hpp"
#include "pilotstat/analysis/option_ranges.hpp"
#include "pilotstat/analysis/power_table.hpp"
#include "pilotstat/study_report/study_report.hpp"
#include "pilotstat/analysis/option_values.hpp"
#include "pilotstat/error.hpp"

namespace pilotstat::commands {

// The report is built from the analyses and rendered with the generic renderers.
using namespace pilotstat::analysis;
using namespace pilotstat::report;
using namespace pilotstat::study_report;

const std::vector<std::string>& table_commands() {
    static const std::vector<std::string> commands{"describe", "change",     "compare", "responders",
                                                   "individual", "report", "power"};
    return commands;
}

const std::vector<std::string>& table_command_options(const std::string& command) {
    static const std::vector<std::string> none;
    static const std::vector<std::string> describe_opts{"conf"};
    if (command == "describe") return describe_opts;
    if (command == "change") return change_option_keys();
    if (command == "compare" || command == "responders") return compare_option_keys();
    static const std::vector<std::string> individual_opts{"from", "to", "rci_z", "rci_sd", "summary"};
    if (command == "individual") return individual_opts;
    if (command == "report") return report_option_keys();
    if (command == "power") return power_option_keys();
    return none;
}

report::ResultTable run_power_command(const OptionMap& options) {
    for (const auto& [key, value] : options) {
        const auto& allowed = power_option_keys();
        if (std::find(allowed.begin(), allowed.end(), key) == allowed.end())
            throw UsageError("command \"power\" has no option \"" + key + "\"");
    }
    return power_table(power_options(options));
}

report::ResultTable run_table_command(const std::string& command, const data::Study& study,
                                      const OptionMap& options, const data::NormsRegistry& norms) {
    const auto& commands = table_commands();
    if (std::find(commands.begin(), commands.end(), command) == commands.end()) {
        std::string valid;
        for (const auto& c : commands) valid += (valid.empty() ? "" : ", ") + c;
        throw UsageError("unknown command \"" + command + "\" (valid: " + valid + ")");
    }
    const auto& allowed = table_command_options(command);
    for (const auto& [key, value] : options)
        if (std::find(allowed.begin(), allowed.end(), key) == allowed.end())
            throw UsageError("command \"" + command + "\" has no option \"" + key + "\"");
    if (command == "power") return run_power_command(options);
    OptionReader opt(options);
    if (command == "describe") return describe_table(describe(study, opt.real("conf", 0.95, ranges::conf)));
    if (command == "change") {
        const auto o = change_options(study, options);
        if (opt.text("curve", "false") == "true") return change_curve_table(study, change(study, o), o);
        return change_table(study, change(study, o), o);
    }
    if (command == "compare" && is_mmrm(options)) {
        if (opt.text("curve", "false") == "true")
            throw UsageError("--curve is not available with --on mmrm (its randomization test is not inverted)");
        const auto o = mmrm_compare_options(study, options);
        return mmrm_table(study, compare_mmrm(study, o), o);
    }
    if (command == "compare") {
        const auto o = compare_options(study, options);
        if (opt.text("curve", "false") == "true") {
            return compare_curve_table(study, compare(study, o), o);
        }
        return compare_table(study, compare(study, o), o);
    }
    if (command == "individual") {
        IndividualOptions io;
        io.from = opt.text("from", "");
        if (opt.has("to")) io.to = {opt.text("to", "")};
        io.rci_z = opt.real("rci_z", kReliableChangeZ, ranges::rci_z);
        io.rci_sd = parse_rci_sd(opt.text("rci_sd", "instrument"));
        const auto res = individual_change(study, norms, io);
        return opt.text("summary", "false") == "true" ? individual_summary_table(res.summary) : individual_table(res.rows);
    }
    if (command == "report") return verdict_table(study, build_report(study, report_options(study, options), norms));
    if (command == "responders") {
        auto o = compare_options(study, options);
        return responders_table(study, o);
    }
    throw UsageError("unknown command \"" + command + "\"");
}

}  // namespace pilotstat::commands
