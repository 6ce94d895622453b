// pilotstat: exact statistics for small-sample outcome data.
// main only registers the subcommands and maps exceptions to exit statuses:
// 0 success, 1 check mismatch, 2 usage, 3 input/data, 4 internal.
#include <cstdio>
#include <iostream>
#include <string>
#include <string_view>

#include <CLI/CLI.hpp>
#include <Eigen/Core>
#include <boost/version.hpp>

#include "cmd_change.hpp"
#include "cmd_compare.hpp"
#include "cmd_describe.hpp"
#include "cmd_report.hpp"
#include "cmd_power.hpp"
#include "cmd_check.hpp"
#include "cmd_individual.hpp"
#include "cmd_plan.hpp"
#include "cmd_plot.hpp"
#include "common.hpp"
#include "friendly.hpp"
#include "generate.hpp"
#include "pilotstat/error.hpp"
#include "pilotstat/version.hpp"

namespace {

void print_version() {
    std::cout << "pilotstat " << pilotstat::version() << "\n"
              << "  Eigen " << EIGEN_WORLD_VERSION << '.' << EIGEN_MAJOR_VERSION << '.' << EIGEN_MINOR_VERSION << "\n"
              << "  Boost.Math " << BOOST_VERSION / 100000 << '.' << BOOST_VERSION / 100 % 1000 << '.'
              << BOOST_VERSION % 100 << "\n"
              << "  CLI11 " << CLI11_VERSION << "\n"
              << "  fast-cpp-csv-parser " << PILOTSTAT_FCCP_VERSION << " (Debian libfccp-dev)\n";
    if (std::string_view(PILOTSTAT_DOCTEST_VERSION).size() > 0)  // known only when doctest was found
        std::cout << "  doctest " << PILOTSTAT_DOCTEST_VERSION << " (tests)\n";
}

int fail(int status, const std::string& message) {
    std::cerr << "pilotstat: error: " << message << '\n';
    return status;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"pilotstat: exact tests, honest bootstrap intervals and plain-language reasons for\n"
                 "small-sample outcome data (two arms of about five participants)."};
    app.name("pilotstat");
    bool version = false;
    app.add_flag("--version", version, "Print the version of pilotstat and of its libraries");
    app.require_subcommand(0, 1);
    app.footer("Exit status: 0 success, 1 check mismatch, 2 usage error, 3 input/data error, 4 internal error.\n"
               "Run 'pilotstat COMMAND --help' for a command's options and a worked example.");
    pilotstat::cli::setup_describe(app);
    pilotstat::cli::setup_power(app);
    pilotstat::cli::setup_check(app);
    pilotstat::cli::setup_individual(app);
    pilotstat::cli::setup_change(app);
    pilotstat::cli::setup_compare(app);
    pilotstat::cli::setup_report(app);
    pilotstat::cli::setup_plan(app);
    pilotstat::cli::setup_plot(app);
    pilotstat::cli::setup_help(app);
    pilotstat::cli::add_version_flags(app, print_version);
    // Hidden: the build generates the man pages and completions with these.
    std::string man_dir, completion_dir, completion_shell;
    app.add_option("--generate-man", man_dir, "Write the man pages to DIR")->group("");
    app.add_option("--generate-completions", completion_dir, "Write the completion scripts to DIR")->group("");
    app.add_option("--generate-completion", completion_shell, "Print the completion script of SHELL")->group("");
    pilotstat::cli::command_line().assign(argv, argv + argc);
    if (argc > 0) pilotstat::cli::command_line().front() = "pilotstat";
    try {
        app.parse(argc, argv);
        if (version) {
            print_version();
            return 0;
        }
        if (!man_dir.empty() || !completion_dir.empty() || !completion_shell.empty()) {
            if (!man_dir.empty()) pilotstat::cli::generate_man_pages(app, man_dir);
            if (!completion_dir.empty()) pilotstat::cli::generate_completions(app, completion_dir);
            if (!completion_shell.empty()) std::cout << pilotstat::cli::generate_completion(app, completion_shell);
            return 0;
        }
        if (app.get_subcommands().empty()) {
            std::cerr << app.help();
            return 2;
        }
        return 0;
    } catch (const pilotstat::cli::FinishedWithStatus& f) {
        return f.status;
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::Success&) {
        return 0;
    } catch (const CLI::ExtrasError&) {
        return fail(2, pilotstat::cli::unexpected_arguments_message(app, argc, argv));
    } catch (const CLI::ValidationError& e) {  // "--alpha: 1.5 is out of range; valid: ..." is complete
        return fail(2, e.what());
    } catch (const CLI::ParseError& e) {
        return fail(2, std::string(e.what()) + " (see 'pilotstat --help')");
    } catch (const pilotstat::UsageError& e) {
        return fail(2, e.what());
    } catch (const pilotstat::DataError& e) {
        return fail(3, e.what());
    } catch (const pilotstat::ComputeError& e) {
        return fail(4, std::string("internal: ") + e.what());
    } catch (const std::exception& e) {
        return fail(4, std::string("internal: ") + e.what());
    }
}
