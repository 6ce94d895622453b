// Reading the study named on the command line: the input options turned into
// data::StudyOptions, and (for the report's provenance) the SHA-256 of the
// exact bytes read, standard input included.
#include <iostream>
#include <iterator>

#include "common.hpp"
#include "pilotstat/data/study_builder.hpp"
#include "pilotstat/error.hpp"
#include "pilotstat/io/csv_reader.hpp"
#include "pilotstat/io/sha256.hpp"

namespace pilotstat::cli {

namespace {
std::optional<char> parse_delimiter(const std::string& d) {
    if (d.empty()) return std::nullopt;
    if (d == "," || d == "comma") return ',';
    if (d == ";" || d == "semicolon") return ';';
    if (d == "tab" || d == "\\t" || d == "\t") return '\t';
    throw UsageError("unknown delimiter \"" + d + "\" (valid: , ; tab)");
}
// Standard input can be read only once, so it is read whole, hashed, and
// parsed from memory; a file is hashed from disk.
data::Study load_and_hash(const std::string& path, const data::StudyOptions& o, std::string& sha256) {
    if (!path.empty() && path != "-") {
        sha256 = io::sha256_file_hex(path);
        return data::load_study(path, o);
    }
    const std::string text{std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
    sha256 = io::sha256_hex(text);
    io::CsvReader reader("<stdin>", text, o.csv);
    return data::build_study(reader, o);
}
}  // namespace

data::Study load_input(const InputArgs& a, std::string* input_sha256) {
    data::StudyOptions o;
    o.csv.delimiter = parse_delimiter(a.delimiter);
    o.csv.encoding = io::parse_encoding(a.encoding);
    o.subject_col = a.subject_col;
    o.group_col = a.group_col;
    o.group_col_given = a.group_col != "group";
    o.time_col = a.time_col;
    o.measure_col = a.measure_col;
    o.score_col = a.score_col;
    if (a.wide) o.wide = true;
    o.redcap = a.redcap;
    o.decimal_comma = a.decimal_comma;
    if (a.redcap) {
        if (a.subject_col == "subject") o.subject_col = "record_id";
        if (a.time_col == "time") o.time_col = "redcap_event_name";
    }
    for (const auto& label : a.arm_labels) {
        const auto eq = label.find('=');
        if (eq == std::string::npos || eq == 0 || eq + 1 == label.size() ||
            label.find_first_not_of("0123456789") < eq)
            throw UsageError("--arm-labels: \"" + label + "\" is not NUMBER=NAME (e.g. 1=ketamine,2=placebo)");
        o.arm_labels.emplace_back(label.substr(0, eq), label.substr(eq + 1));
    }
    if (!a.arm_labels.empty() && !a.redcap) throw UsageError("--arm-labels needs --redcap");
    o.sep = a.sep;
    o.na_tokens = a.na;
    o.times = a.times;
    o.baseline = a.baseline;
    o.measures = a.measures;
    o.groups = a.groups;
    o.higher_is_better = a.higher_is_better;
    if (!a.instruments_file.empty()) o.instruments.load_csv(a.instruments_file);
    auto study = input_sha256 ? load_and_hash(a.path, o, *input_sha256) : data::load_study(a.path, o);
    for (const auto& note : study.notes) std::cerr << "pilotstat: note: " << note << '\n';
    return study;
}

data::NormsRegistry load_norms(const InputArgs& a) {
    auto norms = data::NormsRegistry::builtin();
    if (!a.instruments_file.empty()) norms.load_csv(a.instruments_file);
    return norms;
}

}  // namespace pilotstat::cli
