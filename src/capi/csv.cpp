// penata C API — CSV options, import (file or memory), export, and import reports.
#include <cstdlib>
#include <cstring>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>

#include "handles.hpp"

using namespace penata::capi;

namespace {

penata::CsvOptions options_of(const penata_csv_options* opts) { return opts ? opts->options : penata::CsvOptions{}; }

std::unique_ptr<penata_import_report> make_report(penata::ImportReport report) {
    auto r = std::make_unique<penata_import_report>();
    r->report = std::move(report);
    r->descriptions.reserve(r->report.issues.size());
    for (const auto& issue : r->report.issues) r->descriptions.push_back(issue.describe());
    return r;
}

// Shared tail of the load functions: builds the workforce, imports, and only then hands out
// both objects, so the caller never receives half a result.
template <class Import>
void load(const penata_csv_options* opts, penata::Units units, penata_workforce** out,
          penata_import_report** report_out, Import&& import) {
    auto wf = std::make_unique<penata_workforce>(
        penata_workforce{penata::Workforce(std::move(units), opts ? opts->nip_rules : penata::NipRules{})});
    auto report = make_report(import(wf->wf, options_of(opts)));
    if (report_out) *report_out = report.release();
    *out = wf.release();
}

std::string_view buffer_arg(const char* data, size_t len, const char* name) {
    if (len > 0) need(data, name);
    return len > 0 ? std::string_view(data, len) : std::string_view();
}

template <class T>
int report_count(penata_context* ctx, const penata_import_report* report, size_t* out, T member) {
    return guard(ctx, [&] { *need(out, "out") = (need(report, "report")->report.*member).size(); });
}

int report_string(penata_context* ctx, const penata_import_report* report, size_t index, const char** out,
                  std::vector<std::string> penata::ImportReport::*member, const char* what) {
    return guard(ctx, [&] {
        need(out, "out");
        const auto& list = need(report, "report")->report.*member;
        if (index >= list.size())
            fail(PENATA_ERR_NOT_FOUND, std::string("no ") + what + " " + std::to_string(index) + ": the report has " +
                                           std::to_string(list.size()));
        *out = list[index].c_str();
    });
}

}  // namespace

extern "C" {

int penata_csv_options_create(penata_context* ctx, penata_csv_options** out) {
    return guard(ctx, [&] { make(need(out, "out")); });
}

void penata_csv_options_destroy(penata_csv_options* opts) { delete opts; }

int penata_csv_options_set_collect(penata_context* ctx, penata_csv_options* opts, int collect) {
    return guard(ctx, [&] {
        need(opts, "opts")->options.on_error = collect ? penata::OnError::collect : penata::OnError::raise;
    });
}

int penata_csv_options_set_create_missing_units(penata_context* ctx, penata_csv_options* opts, int create) {
    return guard(ctx, [&] { need(opts, "opts")->options.create_missing_units = create != 0; });
}

int penata_csv_options_set_nip_rules(penata_context* ctx, penata_csv_options* opts, const penata_nip_rules* rules) {
    return guard(ctx, [&] { need(opts, "opts")->nip_rules = rules ? rules->rules : penata::NipRules{}; });
}

int penata_workforce_load_csv(penata_context* ctx, const char* path, const char* units_path,
                              const penata_csv_options* opts, penata_workforce** out,
                              penata_import_report** report_out) {
    return guard(ctx, [&] {
        need(path, "path");
        need(out, "out");
        load(opts, units_path ? penata::read_units_csv_file(units_path) : penata::Units(), out, report_out,
             [&](penata::Workforce& wf, const penata::CsvOptions& o) { return penata::read_csv_file(path, wf, o); });
    });
}

int penata_workforce_load_csv_buffer(penata_context* ctx, const char* data, size_t len, const char* units_data,
                                     size_t units_len, const penata_csv_options* opts, penata_workforce** out,
                                     penata_import_report** report_out) {
    return guard(ctx, [&] {
        const auto text = buffer_arg(data, len, "data");
        need(out, "out");
        penata::Units units;
        if (units_data) {
            std::istringstream in(std::string(units_data, units_len));
            units = penata::read_units_csv(in);
        }
        load(opts, std::move(units), out, report_out,
             [&](penata::Workforce& wf, const penata::CsvOptions& o) { return penata::read_csv_text(text, wf, o); });
    });
}

int penata_workforce_import_csv(penata_context* ctx, penata_workforce* wf, const char* path,
                                const penata_csv_options* opts, penata_import_report** report_out) {
    return guard(ctx, [&] {
        need(wf, "wf");
        auto report = make_report(penata::read_csv_file(need(path, "path"), wf->wf, options_of(opts)));
        if (report_out) *report_out = report.release();
    });
}

int penata_workforce_import_csv_buffer(penata_context* ctx, penata_workforce* wf, const char* data, size_t len,
                                       const penata_csv_options* opts, penata_import_report** report_out) {
    return guard(ctx, [&] {
        need(wf, "wf");
        const auto text = buffer_arg(data, len, "data");
        auto report = make_report(penata::read_csv_text(text, wf->wf, options_of(opts)));
        if (report_out) *report_out = report.release();
    });
}

int penata_workforce_save_csv(penata_context* ctx, const penata_workforce* wf, const char* path) {
    return guard(ctx, [&] { penata::write_csv_file(need(path, "path"), need(wf, "wf")->wf); });
}

int penata_workforce_save_units_csv(penata_context* ctx, const penata_workforce* wf, const char* path) {
    return guard(ctx, [&] { penata::write_units_csv_file(need(path, "path"), need(wf, "wf")->wf.units()); });
}

int penata_workforce_to_csv(penata_context* ctx, const penata_workforce* wf, char** out, size_t* len_out) {
    return guard(ctx, [&] {
        need(wf, "wf");
        need(out, "out");
        std::ostringstream text;
        penata::write_csv(text, wf->wf);
        const std::string s = std::move(text).str();
        auto* buffer = static_cast<char*>(std::malloc(s.size() + 1));  // released by penata_free()
        if (!buffer) throw std::bad_alloc();
        std::memcpy(buffer, s.c_str(), s.size() + 1);
        *out = buffer;
        if (len_out) *len_out = s.size();
    });
}

void penata_import_report_destroy(penata_import_report* report) { delete report; }

int penata_import_report_rows(penata_context* ctx, const penata_import_report* report, size_t* rows_read,
                              size_t* rows_loaded, size_t* rows_rejected) {
    return guard(ctx, [&] {
        const auto& r = need(report, "report")->report;
        if (rows_read) *rows_read = r.rows_read;
        if (rows_loaded) *rows_loaded = r.rows_loaded;
        if (rows_rejected) *rows_rejected = r.rows_rejected;
    });
}

int penata_import_report_issue_count(penata_context* ctx, const penata_import_report* report, size_t* out) {
    return report_count(ctx, report, out, &penata::ImportReport::issues);
}

int penata_import_report_issue(penata_context* ctx, const penata_import_report* report, size_t index,
                               penata_issue* out) {
    return guard(ctx, [&] {
        need(out, "out");
        const auto& issues = need(report, "report")->report.issues;
        if (index >= issues.size())
            fail(PENATA_ERR_NOT_FOUND, "no issue " + std::to_string(index) + ": the report has " +
                                           std::to_string(issues.size()));
        fill_issue(issues[index], report->descriptions[index], out);
    });
}

int penata_import_report_unknown_column_count(penata_context* ctx, const penata_import_report* report,
                                              size_t* out) {
    return report_count(ctx, report, out, &penata::ImportReport::unknown_columns);
}

int penata_import_report_unknown_column(penata_context* ctx, const penata_import_report* report, size_t index,
                                        const char** out) {
    return report_string(ctx, report, index, out, &penata::ImportReport::unknown_columns, "unknown column");
}

int penata_import_report_created_unit_count(penata_context* ctx, const penata_import_report* report,
                                            size_t* out) {
    return report_count(ctx, report, out, &penata::ImportReport::created_units);
}

int penata_import_report_created_unit(penata_context* ctx, const penata_import_report* report, size_t index,
                                      const char** out) {
    return report_string(ctx, report, index, out, &penata::ImportReport::created_units, "created unit");
}

}  // extern "C"
