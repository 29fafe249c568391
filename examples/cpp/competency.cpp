// penata C++ example: competency gaps and Job Person Match (PermenPANRB 38/2017) over the synthetic
// Bengkulu workforce: a teknis competency, assessments added as columns, a gap analysis, the
// training needs of one unit and a candidate ranking. (SYNTHETIC DATA: levels are generated.)
#include <penata/penata.hpp>

#include <algorithm>
#include <cstdio>
#include <iostream>

int main() {
    const penata::Workforce wf = penata::bengkulu_sample({2000, 42});
    const std::int32_t today = penata::days_from_civil(2025, 6, 30);

    // The built-in framework (M.01..M.08, SK.01) plus one teknis competency, required at level 2
    // of the Analis Sumber Daya Manusia Aparatur positions only (teknis defaults are 0).
    penata::CompetencyFramework framework = penata::CompetencyFramework::builtin();
    framework.add({"T.01", "Manajemen ASN", penata::CompetencyType::teknis, {}});
    penata::PositionStandards standards(framework);
    for (const std::string& name : wf.position_name_dictionary())
        if (name.rfind("Analis Sumber Daya Manusia Aparatur", 0) == 0) standards.set_override(name, "T.01", 2);

    // Synthetic assessments: each employee's standard -2..+1 (a deterministic pattern), as columns.
    const penata::LevelMatrix required = standards.required(wf);
    std::vector<std::uint64_t> nip;
    std::vector<std::uint16_t> competency;
    std::vector<std::uint8_t> level, method;
    std::vector<std::int32_t> date;
    for (std::size_t i = 0; i < wf.size(); ++i)
        for (std::size_t c = 0; c < framework.size(); ++c) {
            const int r = required(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(c));
            if (r == 0 || (i * 7 + c) % 100 == 0) continue;  // not required, or (1%) not assessed
            nip.push_back(wf.nip()[i]);
            competency.push_back(static_cast<std::uint16_t>(c));
            level.push_back(static_cast<std::uint8_t>(std::clamp(r + static_cast<int>((i * 3 + c) % 4) - 2, 1, 5)));
            date.push_back(penata::days_from_civil(2025, 3, 1));
            method.push_back(static_cast<std::uint8_t>(penata::AssessmentMethod::assessment_centre));
        }
    penata::Assessments assessments(framework);
    assessments.add(penata::AssessmentColumns{nip, competency, level, date, method}, today);

    // Gaps and JPM of everyone; the excluded are listed, never scored as 0.
    const penata::GapRules rules = penata::GapRules::builtin();
    const penata::GapResult result = penata::gap_analysis(wf, assessments, standards, rules, today);
    std::size_t optimal = 0;
    for (std::uint8_t c : result.category) optimal += c == static_cast<std::uint8_t>(penata::JpmCategory::optimal);
    std::cout << result.rows.size() << " employees: " << optimal << " optimal, " << result.missing.size()
              << " left out (e.g. " << result.missing.front().reason << ")\n";

    // Training needs of BKD with its sub-units.
    const penata::Tna tna = penata::training_needs(wf, result, rules);
    const std::uint32_t bkd = wf.units().at("BKD");
    for (const penata::TnaRow& row : tna.largest_gaps(bkd, 3))
        std::printf("BKD %-6s mean gap %5.2f, %u of %u below standard\n", framework[row.competency].code.c_str(),
                    row.mean_gap, row.need[0] + row.need[1] + row.need[2], row.assessed);

    // Candidates for an administrator post in BKD.
    penata::RankOptions options;
    options.unit_code = "BKD";
    const penata::Ranking ranking = penata::rank_candidates(
        wf, assessments, standards, rules, {penata::PositionClass::administrator, penata::PositionLevel::none, ""},
        today, options);
    std::cout << "administrator in BKD: " << ranking.eligible.size() << " eligible, " << ranking.ineligible.size()
              << " not\n";
    for (std::size_t i = 0; i < ranking.eligible.size() && i < 3; ++i)
        std::printf("  %u. %llu JPM %.1f\n", ranking.eligible[i].rank,
                    static_cast<unsigned long long>(ranking.eligible[i].nip), ranking.eligible[i].jpm);
    return result.missing.empty() || ranking.eligible.empty() ? 1 : 0;
}
