// penata C++ quickstart: build a workforce, validate input, read columns in bulk.
#include <penata/penata.hpp>

#include <cstdio>
#include <iostream>
#include <sstream>

int main() {
    // A NIP tells birth date, first appointment (TMT), gender and sequence.
    const penata::NipParts p = penata::parse_nip("198609262015051001", penata::EmploymentType::PNS);
    std::cout << "NIP 198609262015051001: born " << penata::format_date(p.birth_date) << ", TMT "
              << p.tmt_year << "-" << p.tmt_month << ", gender " << penata::to_text(p.gender) << "\n";
    try {
        penata::parse_nip("198609262015131001", penata::EmploymentType::PNS);
    } catch (const penata::ValidationError& e) {
        std::cout << "refused: " << e.what() << "\n";
    }

    // The synthetic Bengkulu sample: 2,000 employees over the provincial units.
    const penata::Workforce wf = penata::bengkulu_sample({2000, 42});
    std::size_t meets_20_jp = 0;
    for (double jp : wf.training_hours()) meets_20_jp += jp >= 20 ? 1 : 0;  // bulk column
    std::cout << wf.size() << " employees in " << wf.units().size() << " units; "
              << meets_20_jp << " meet the 20 JP training rule; "
              << wf.select_unit("DIKBUD").size() << " work in DIKBUD and its sub-units\n";

    // CSV import in collect mode: good rows load, each bad field is reported.
    std::ostringstream csv;
    penata::write_csv(csv, wf);
    std::string text = csv.str();
    text.replace(text.find(",none\r\n") + 1, 4, "parah");  // a discipline value that does not exist
    penata::Workforce back(wf.units());
    penata::CsvOptions options;
    options.on_error = penata::OnError::collect;
    const penata::ImportReport report = penata::read_csv_text(text, back, options);
    std::cout << report.rows_loaded << " rows loaded, " << report.rows_rejected << " rejected\n";
    for (const penata::Issue& issue : report.issues) std::cout << "  " << issue.describe() << "\n";

    // Snapshots: save atomically (binary for speed here) and load back.
    const std::string path = "penata_quickstart.pnt";
    penata::save_object(path, wf, {penata::Encoding::binary, {}});
    const penata::Workforce loaded = penata::load_object<penata::Workforce>(path);
    std::remove(path.c_str());
    std::cout << "snapshot round trip: " << loaded.size() << " employees\n";
    return report.rows_rejected == 1 && back.size() == wf.size() - 1 && loaded.size() == wf.size() ? 0 : 1;
}
