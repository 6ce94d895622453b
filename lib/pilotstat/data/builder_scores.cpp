// A score cell's text to its value (missing tokens, decimal commas, range
// and grid of its instrument), and item cells to their instrument's total.
#include "pilotstat/data/study_builder_detail.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>

#include "pilotstat/data/decimal.hpp"
#include "pilotstat/data/instrument_aliases.hpp"

namespace pilotstat::data::builder {

std::optional<Score> Builder::parse_score(std::size_t line, std::size_t column, const std::string& column_name,
                                          const std::string& measure, const std::string& raw) const {
    std::string text = trim(raw);
    if (contains(opt_.na_tokens, text) || contains(opt_.na_tokens, raw)) return std::nullopt;
    const bool comma_decimal = std::count(text.begin(), text.end(), ',') == 1 &&
                               text.find('.') == std::string::npos;
    if (opt_.decimal_comma && comma_decimal) text[text.find(',')] = '.';
    const auto value = parse_finite(text);
    if (!value && comma_decimal && !opt_.decimal_comma && parse_finite(std::string(text).replace(text.find(','), 1, ".")))
        fail(line, column, "score is not a number (\"" + raw + "\" in column \"" + column_name +
                               "\"): a decimal comma? --decimal-comma reads 5,5 as 5.5");
    if (!value) {
        const bool nonfinite = text.find_first_of("0123456789") == std::string::npos &&
                               (text.find("inf") != std::string::npos || text.find("nan") != std::string::npos ||
                                text.find("Inf") != std::string::npos || text.find("NAN") != std::string::npos);
        // A well-formed number outside the range of a double (1e999, 1e-400) is
        // named as such rather than as "not a number".
        double probe = 0;
        const bool out_of_range = std::from_chars(text.data(), text.data() + text.size(), probe).ec ==
                                  std::errc::result_out_of_range;
        fail(line, column,
             std::string(out_of_range ? "score is too large or too small to represent"
                                      : nonfinite ? "score is not a finite number" : "score is not a number") +
                 " (\"" + raw + "\" in column \"" + column_name + "\")");
    }
    if (const Instrument* ins = opt_.instruments.find(measure)) {
        if (!InstrumentRegistry::in_range(*ins, *value))
            fail(line, column, "score " + text + " is outside the range of " + ins->label + " (" +
                                   describe_grid(*ins) + ")");
        if (!ins->steps.empty()) {
            // On the grid the score is its grid point, exactly, however many
            // decimals it was written with.
            if (const auto point = InstrumentRegistry::snap(*ins, *value, text)) return Score{point->value, point->exact};
            const auto nearest = InstrumentRegistry::nearest_points(*ins, *value);
            fail(line, column, "score " + text + " is not on the grid of " + ins->name + " (" + describe_grid(*ins) +
                                   (nearest.empty() ? "" : "; nearest grid points " + nearest) +
                                   "; --instruments with step 0 turns the grid off)");
        }
    }
    const auto written = parse_decimal(text);
    return Score{*value, written ? std::optional<Rational>(to_rational(*written)) : std::nullopt};
}

// Item cells become totals by their instrument's rule. A name that parses as
// an item but is the only one of its set and also an instrument's alias
// ("bdi2" alone is the BDI-II total) is a measure after all.
void Builder::score_items_to_totals() {
    std::map<std::string, std::map<int, std::string>> sets;  // total key -> item -> name
    for (const auto& c : items_) sets[instrument_key(c.item.total)][c.item.item] = c.measure;
    struct Cells {
        std::vector<std::optional<double>> answered;
        std::vector<std::size_t> line;  // where each item was read (0: not yet)
        const ItemCell* first = nullptr;
    };
    std::map<std::tuple<std::string, std::string, std::string>, Cells> totals;  // (total, subject, time)
    std::vector<std::tuple<std::string, std::string, std::string>> order;
    for (const auto& c : items_) try {
        if (sets[instrument_key(c.item.total)].size() < 2 && opt_.instruments.find(c.measure)) {
            add_score(c.line, c.column, c.column_name, c.subject, c.group, c.time, c.measure, c.text, c.id_column);
            continue;
        }
        const std::string text = trim(c.text);
        const auto& rule = *c.item.rule;
        std::optional<double> v;
        if (!contains(opt_.na_tokens, text) && !contains(opt_.na_tokens, c.text)) {
            v = parse_finite(text);
            if (!v || *v != std::floor(*v) || *v < rule.item_min || *v > rule.item_max)
                fail(c.line, c.column, "item score \"" + c.text + "\" of " + c.measure + " is not an integer from " +
                                           std::to_string(rule.item_min) + " to " + std::to_string(rule.item_max) +
                                           " (item " + std::to_string(c.item.item) + " of " + rule.instrument + ")");
        }
        const auto key = std::make_tuple(c.item.total, c.subject, c.time);
        auto [it, fresh] = totals.try_emplace(key);
        if (fresh) {
            it->second.answered.assign(static_cast<std::size_t>(rule.items), std::nullopt);
            it->second.line.assign(static_cast<std::size_t>(rule.items), 0);
            it->second.first = &c;
            order.push_back(key);
        }
        const auto k = static_cast<std::size_t>(c.item.item - 1);
        if (it->second.line[k] != 0)
            fail(c.line, c.column, "duplicate score for subject \"" + c.subject + "\", time \"" + c.time +
                                       "\", item \"" + c.measure + "\" (first at line " +
                                       std::to_string(it->second.line[k]) + ")");
        it->second.line[k] = c.line;
        it->second.answered[k] = v;
    } catch (const DataError& e) {
        collect(e);
    }
    for (const auto& key : order) try {
        const auto& cells = totals[key];
        const ItemCell& c = *cells.first;
        std::optional<double> total;
        try {
            total = score_items(*c.item.rule, cells.answered);
        } catch (const std::invalid_argument& e) {
            fail(c.line, c.column, "cannot score " + c.item.total + " for subject \"" + c.subject + "\" at \"" +
                                       c.time + "\": " + e.what());
        }
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.17g", total.value_or(0));
        add_score(c.line, c.column, c.column_name, c.subject, c.group, c.time, c.item.total,
            total ? std::string(buf) : std::string(opt_.na_tokens.empty() ? "" : opt_.na_tokens.front()), c.id_column);
    } catch (const DataError& e) {
        collect(e);
    }
}

}  // namespace pilotstat::data::builder
