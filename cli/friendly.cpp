#include "friendly.hpp"

#include <algorithm>
#include <iostream>
#include <numeric>

#include "pilotstat/error.hpp"

namespace pilotstat::cli {

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    std::iota(row.begin(), row.end(), std::size_t{0});
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = up;
        }
    }
    return row[b.size()];
}

std::string closest(std::string_view word, const std::vector<std::string>& candidates) {
    const std::size_t limit = std::max<std::size_t>(2, word.size() / 3);
    std::string best;
    std::size_t best_distance = limit + 1;
    for (const auto& c : candidates) {
        const std::size_t d = edit_distance(word, c);
        if (d < best_distance) {
            best = c;
            best_distance = d;
        }
    }
    return best;
}

namespace {

std::vector<std::string> command_names(CLI::App& app) {
    std::vector<std::string> names;
    for (const auto* sub : app.get_subcommands([](CLI::App*) { return true; })) names.push_back(sub->get_name());
    return names;
}

std::vector<std::string> option_names(const CLI::App& app) {
    std::vector<std::string> names;
    for (const auto* opt : app.get_options()) {
        for (const auto& l : opt->get_lnames()) names.push_back("--" + l);
        for (const auto& s : opt->get_snames()) names.push_back("-" + s);
    }
    return names;
}

std::string suggestion(const std::string& best) { return best.empty() ? "" : " (did you mean \"" + best + "\"?)"; }

}  // namespace

void setup_help(CLI::App& app) {
    auto name = std::make_shared<std::string>();
    auto* sub = app.add_subcommand("help", "Show a command's options and example (the same as COMMAND --help)");
    sub->add_option("command", *name, "The command; none: the list of commands");
    sub->footer("Example:\n  pilotstat help compare");
    sub->callback([&app, name] {
        if (name->empty()) {
            // app.help() would show this subcommand's help, as it is the one selected.
            std::cout << app.get_formatter()->make_help(&app, app.get_name(), CLI::AppFormatMode::Normal);
            return;
        }
        CLI::App* target = nullptr;
        try {
            target = app.get_subcommand(*name);
        } catch (const CLI::OptionNotFound&) {
        }
        if (target == nullptr)
            throw UsageError("unknown command \"" + *name + "\"" + suggestion(closest(*name, command_names(app))) +
                             " (see 'pilotstat --help')");
        std::cout << target->help(app.get_name());
    });
}

void add_version_flags(CLI::App& app, const std::function<void()>& print) {
    for (auto* sub : app.get_subcommands([](CLI::App*) { return true; }))
        sub->add_flag_callback(
            "--version",
            [print] {
                print();
                throw CLI::Success();
            },
            "Print the version of pilotstat and of its libraries");
}

std::string unexpected_arguments_message(CLI::App& app, int argc, char** argv) {
    std::vector<std::string> left = app.remaining(true);
    std::vector<std::string> given;  // the unexpected arguments, in the order given
    for (int i = 1; i < argc; ++i) {
        auto it = std::find(left.begin(), left.end(), argv[i]);
        if (it == left.end()) continue;
        given.emplace_back(argv[i]);
        left.erase(it);
    }
    given.insert(given.end(), left.begin(), left.end());
    const auto parsed = app.get_subcommands();
    CLI::App* sub = parsed.empty() ? nullptr : parsed.front();
    std::string where = sub ? sub->get_name() + ": " : "";
    std::string message;
    for (const auto& arg : given) {
        if (arg.size() > 1 && arg[0] == '-') {
            const std::string name = arg.substr(0, arg.find('='));
            message = "unknown option \"" + name + "\"" + suggestion(closest(name, option_names(sub ? *sub : app)));
            break;
        }
        if (sub == nullptr) {
            message = "unknown command \"" + arg + "\"" + suggestion(closest(arg, command_names(app)));
            break;
        }
    }
    std::string list;
    for (const auto& arg : given) list += (list.empty() ? "" : " ") + arg;
    message += (message.empty() ? "" : "; ") + std::string("arguments not expected: ") + list;
    return where + message + " (see 'pilotstat " + (sub ? sub->get_name() + " " : "") + "--help')";
}

}  // namespace pilotstat::cli
