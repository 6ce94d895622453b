// The one escaper for everything pilotstat writes as markup: the html report,
// the SVG pictures and the html page of `plot --format html`.
#pragma once

#include <string>
#include <string_view>

namespace pilotstat {

// Text and attribute values for XML 1.0 and HTML5: &, <, >, " and ' become
// entities; control characters other than tab, newline and carriage return
// (not allowed in XML 1.0) become a space, so a stray byte from a CSV cell
// cannot make the document unreadable.
std::string markup_escape(std::string_view s);

}  // namespace pilotstat
