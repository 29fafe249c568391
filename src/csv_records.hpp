// Private: the CSV records penata's tokenizer produces, for tests that compare its direct
// splitting of quote-free lines with libcsv's parsing of the same text.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace penata::detail {

/// Every record of `text` (the first is the header), as penata reads them. With fast_path false
/// every line goes through libcsv. Throws FormatError as the importer does.
std::vector<std::vector<std::string>> csv_records(std::string_view text, bool fast_path);

}  // namespace penata::detail
