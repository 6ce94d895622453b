// Man pages: pilotstat(1) and pilotstat-COMMAND(1), in roff (man(7)).
#include <cctype>
#include <sstream>

#include "common.hpp"
#include "generate.hpp"
#include "pilotstat/version.hpp"

namespace pilotstat::cli {

namespace {

using namespace generate_detail;

// roff: escape backslashes and hyphens, protect lines that start with . or '.
std::string roff(const std::string& text) {
    std::string out;
    bool line_start = true;
    for (char c : text) {
        if (line_start && (c == '.' || c == '\'')) out += "\\&";
        if (c == '\\') out += "\\e";
        else if (c == '-') out += "\\-";
        else out += c;
        line_start = c == '\n';
    }
    return out;
}

std::string man_page(CLI::App& app, CLI::App* sub) {
    const std::string title = sub ? "pilotstat-" + sub->get_name() : "pilotstat";
    CLI::App& page = sub ? *sub : app;
    std::ostringstream m;
    std::string upper = title;
    for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    m << ".TH " << roff(upper) << " 1 \"\" \"pilotstat " << version() << "\" \"User Commands\"\n"
      << ".SH NAME\n" << roff(title) << " \\- " << roff(first_line(page.get_description())) << "\n"
      << ".SH SYNOPSIS\n.B pilotstat" << (sub ? " " + roff(sub->get_name()) : "") << "\n"
      << (sub ? "[\\fIOPTIONS\\fR]" : "\\fICOMMAND\\fR [\\fIOPTIONS\\fR]");
    for (const auto* p : options(page, true)) m << " \\fI" << roff(p->get_name()) << "\\fR";
    m << "\n.SH DESCRIPTION\n.nf\n" << roff(page.get_description()) << "\n.fi\n";
    if (!sub) {
        m << ".SH COMMANDS\n";
        for (auto* c : commands(app))
            m << ".TP\n.B " << roff(c->get_name()) << "\n" << roff(first_line(c->get_description()))
              << " See \\fBpilotstat\\-" << roff(c->get_name()) << "\\fR(1).\n";
    }
    if (!options(page, true).empty()) m << ".SH ARGUMENTS\n";
    for (const auto* p : options(page, true))
        m << ".TP\n.I " << roff(p->get_name()) << "\n" << roff(p->get_description()) << "\n";
    m << ".SH OPTIONS\n";
    for (const auto* o : options(page, false)) {
        m << ".TP\n\\fB" << roff(flag_names(*o)) << "\\fR";
        if (takes_value(*o)) m << " \\fI" << roff(o->get_type_name()) << "\\fR";
        m << "\n" << roff(o->get_description());
        if (!o->get_default_str().empty()) m << " (default: " << roff(o->get_default_str()) << ")";
        m << "\n";
    }
    if (!page.get_footer().empty()) m << ".SH NOTES\n.nf\n" << roff(page.get_footer()) << "\n.fi\n";
    m << ".SH SEE ALSO\n";
    if (sub) m << "\\fBpilotstat\\fR(1)\n";
    else
        for (auto* c : commands(app)) m << "\\fBpilotstat\\-" << roff(c->get_name()) << "\\fR(1)\n";
    return m.str();
}

}  // namespace

void generate_man_pages(CLI::App& app, const std::string& dir) {
    write_output(man_page(app, nullptr), dir + "/pilotstat.1");
    for (auto* c : commands(app)) write_output(man_page(app, c), dir + "/pilotstat-" + c->get_name() + ".1");
}

}  // namespace pilotstat::cli
