#include "penata/codes.hpp"

namespace penata {

namespace {
// PP 99/2000: 4 golongan with ruang a-d (IV with a-e); Perpres 98/2020: PPPK I..XVII.
constexpr std::array<std::string_view, kGolonganCount> kPns{
    "I/a", "I/b", "I/c", "I/d", "II/a", "II/b", "II/c", "II/d", "III/a",
    "III/b", "III/c", "III/d", "IV/a", "IV/b", "IV/c", "IV/d", "IV/e"};
constexpr std::array<std::string_view, kGolonganCount> kPppk{
    "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX",
    "X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII"};

const std::array<std::string_view, kGolonganCount>& table(EmploymentType type) {
    return type == EmploymentType::PNS ? kPns : kPppk;
}
}  // namespace

std::string_view golongan_text(EmploymentType type, std::uint8_t code) {
    if (code < 1 || code > kGolonganCount) return {};
    return table(type)[code - 1];
}

std::optional<std::uint8_t> parse_golongan(EmploymentType type, std::string_view text) {
    const auto& t = table(type);
    for (std::size_t i = 0; i < t.size(); ++i)
        if (t[i] == text) return static_cast<std::uint8_t>(i + 1);
    return std::nullopt;
}

}  // namespace penata
