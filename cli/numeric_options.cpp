#include "numeric_options.hpp"

#include <sstream>

namespace pilotstat::cli {

namespace {
// The option's name in messages and --help: "--sd-conf" -> "sd-conf".
std::string bare_name(const std::string& flag) {
    const auto comma = flag.rfind(',');
    std::string name = comma == std::string::npos ? flag : flag.substr(comma + 1);
    return name.substr(name.find_first_not_of('-'));
}

// CLI11 runs the validator on the text before the callback and reports a
// failure as "--flag: MESSAGE"; the description is what --help shows after
// the type.
template <class Range>
CLI::Validator range_validator(const std::string& name, const Range& range) {
    return CLI::Validator(
        [name, range](std::string& text) {
            std::string error;
            return analysis::parse_in_range(name, text, range, &error) ? std::string() : error;
        },
        analysis::describe_range(name, range));
}

template <class T>
std::string shown(const T& value) {  // as CLI11's capture_default_str prints it
    std::ostringstream s;
    s << value;
    return s.str();
}

template <class Range>
CLI::Option* add_keyed(CLI::App& app, std::map<std::string, std::string>& options, const std::string& flag,
                       const std::string& key, const std::string& help, const Range& range, const char* type) {
    return app
        .add_option_function<std::string>(
            flag, [&options, key](const std::string& value) { options[key] = value; }, help)
        ->type_name(type)
        ->check(range_validator(bare_name(flag), range));
}
}  // namespace

CLI::Option* add_real(CLI::App& app, const std::string& flag, double& target, const std::string& help,
                      const analysis::RealRange& range, bool show_default) {
    const auto name = bare_name(flag);
    auto* opt = app.add_option_function<std::string>(
        flag, [&target, name, range](const std::string& text) { target = *analysis::parse_in_range(name, text, range); },
        help);
    opt->type_name("FLOAT")->check(range_validator(name, range));
    if (show_default) opt->default_str(shown(target));
    return opt;
}

template <class Int>
CLI::Option* add_count(CLI::App& app, const std::string& flag, Int& target, const std::string& help,
                       const analysis::CountRange& range, bool show_default) {
    const auto name = bare_name(flag);
    auto* opt = app.add_option_function<std::string>(
        flag,
        [&target, name, range](const std::string& text) {
            target = static_cast<Int>(*analysis::parse_in_range(name, text, range));
        },
        help);
    opt->type_name(std::is_signed_v<Int> ? "INT" : "UINT")->check(range_validator(name, range));
    if (show_default) opt->default_str(shown(target));
    return opt;
}

template CLI::Option* add_count<int>(CLI::App&, const std::string&, int&, const std::string&,
                                     const analysis::CountRange&, bool);
template CLI::Option* add_count<long>(CLI::App&, const std::string&, long&, const std::string&,
                                      const analysis::CountRange&, bool);
template CLI::Option* add_count<std::uint64_t>(CLI::App&, const std::string&, std::uint64_t&, const std::string&,
                                               const analysis::CountRange&, bool);

CLI::Option* add_keyed_real(CLI::App& app, std::map<std::string, std::string>& options, const std::string& flag,
                            const std::string& key, const std::string& help, const analysis::RealRange& range) {
    return add_keyed(app, options, flag, key, help, range, "FLOAT");
}

CLI::Option* add_keyed_count(CLI::App& app, std::map<std::string, std::string>& options, const std::string& flag,
                             const std::string& key, const std::string& help, const analysis::CountRange& range) {
    return add_keyed(app, options, flag, key, help, range, "UINT");
}

}  // namespace pilotstat::cli
