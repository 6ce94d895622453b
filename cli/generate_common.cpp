#include "generate.hpp"

namespace pilotstat::cli::generate_detail {

std::vector<CLI::App*> commands(CLI::App& app) {
    return app.get_subcommands([](CLI::App*) { return true; });
}

std::vector<const CLI::Option*> options(const CLI::App& app, bool positional) {
    std::vector<const CLI::Option*> out;
    for (const auto* opt : app.get_options())
        if (opt->get_positional() == positional && !opt->get_group().empty()) out.push_back(opt);
    return out;
}

std::string first_line(const std::string& text) { return text.substr(0, text.find('\n')); }

std::string flag_names(const CLI::Option& opt) {
    std::string out;
    for (const auto& s : opt.get_snames()) out += (out.empty() ? "-" : ", -") + s;
    for (const auto& l : opt.get_lnames()) out += (out.empty() ? "--" : ", --") + l;
    return out;
}

bool takes_value(const CLI::Option& opt) { return opt.get_expected_max() != 0; }

}  // namespace pilotstat::cli::generate_detail
