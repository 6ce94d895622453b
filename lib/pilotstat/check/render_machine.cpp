// TAP 13 and JSON writers for check runs.
#include <optional>

#include "pilotstat/check/render.hpp"
#include "pilotstat/report/json_values.hpp"

namespace pilotstat::check {

namespace {

void yaml_field(std::ostream& out, const char* key, const std::string& value) {
    out << "    " << key << ": " << report::json_string(value) << '\n';  // a JSON string is a YAML scalar
}

}  // namespace

void render_tap(const CheckRun& run, std::ostream& out) {
    out << "TAP version 13\n1.." << run.rows.size() << '\n';
    std::size_t i = 0;
    for (const auto& r : run.rows) {
        const auto& e = r.expectation;
        const auto& o = r.outcome;
        out << (o.pass ? "ok " : "not ok ") << ++i << " - " << e.id << '\n';
        if (o.pass) continue;
        out << "  ---\n";
        yaml_field(out, "message", o.message);
        out << "    severity: fail\n";
        yaml_field(out, "select", e.select_text);
        yaml_field(out, "expected", e.expected.text);
        out << "    computed: " << report::json_number(o.computed) << '\n';
        yaml_field(out, "tolerance", e.tolerance.text);
        yaml_field(out, "at", e.where.str());
        out << "  ...\n";
    }
    out << "# " << run.passed() << " passed, " << run.failed() << " failed\n";
}

void render_json(const CheckRun& run, std::ostream& out) {
    using report::json_string;
    out << "{\"passed\": " << run.passed() << ", \"failed\": " << run.failed() << ", \"results\": [";
    bool first = true;
    for (const auto& r : run.rows) {
        const auto& e = r.expectation;
        const auto& o = r.outcome;
        out << (first ? "\n" : ",\n") << "  {\"id\": " << json_string(e.id) << ", \"file\": " << json_string(e.where.file)
            << ", \"line\": " << e.where.line << ", \"select\": " << json_string(e.select_text)
            << ", \"expected\": " << json_string(e.expected.text)
            << ", \"expected_value\": " << report::json_number(e.expected.value)
            << ", \"computed\": " << report::json_number(o.computed) << ", \"computed_low\": " << report::json_number(o.computed_low)
            << ", \"computed_high\": " << report::json_number(o.computed_high)
            << ", \"difference\": " << report::json_number(o.difference) << ", \"tolerance\": " << json_string(e.tolerance.text)
            << ", \"result\": " << (o.pass ? "\"pass\"" : "\"fail\"") << ", \"message\": " << json_string(o.message)
            << ", \"note\": " << json_string(e.note) << "}";
        first = false;
    }
    out << "\n]}\n";
}

}  // namespace pilotstat::check
