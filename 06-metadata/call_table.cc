#include "call_table.h"

#include <algorithm>
#include <iomanip>
#include <sstream>

#include "common/plumbing/rpc_errors.h"
#include "metadata_rules.h"
#include "rich_errors.h"

namespace workbook::metadata {

namespace {

// One printable line for a value: binary values (keys ending in -bin) as a
// byte count and their first bytes in hex.
std::string Printable(const std::string& key, const std::string& value) {
  if (!IsBinaryKey(key)) return key + ": " + value;
  std::ostringstream text;
  text << key << ": " << value.size() << " bytes";
  for (size_t i = 0; i < value.size() && i < 4; ++i) {
    text << (i == 0 ? " " : "") << std::hex << std::setw(2) << std::setfill('0')
         << static_cast<int>(static_cast<unsigned char>(value[i]));
  }
  if (value.size() > 4) text << "..";
  return text.str();
}

// One call, as a column of labelled cells; a cell may span several lines.
struct Column {
  std::string title;
  std::vector<std::vector<std::string>> cells;
};

// The row labels, in the order Describe() fills a column's cells.
const std::vector<std::string>& RowLabels() {
  static const std::vector<std::string> labels = {
      "status", "replies", "headers", "trailers", "error reason"};
  return labels;
}

std::vector<std::string> Lines(const Metadata& metadata) {
  std::vector<std::string> lines;
  for (const auto& [key, value] : metadata) {
    lines.push_back(Printable(key, value));
  }
  if (lines.empty()) lines.push_back("(none)");
  return lines;
}

Column Describe(const std::string& title, const CallRecord& record) {
  Column column{title, {}};
  column.cells.push_back({StatusCodeName(record.status.error_code())});
  column.cells.push_back(record.replies.empty()
                             ? std::vector<std::string>{"(none)"}
                             : record.replies);
  column.cells.push_back(Lines(record.server_headers));
  column.cells.push_back(Lines(record.server_trailers));
  // The rich details travel in the trailer grpc-status-details-bin.
  const auto info = ErrorInfoOf(record.status);
  column.cells.push_back({info ? info->reason() : "(none)"});
  return column;
}

// Prints the columns next to each other, each as wide as its longest line.
void PrintColumns(std::ostream& out, const std::vector<Column>& columns) {
  size_t label_width = 0;
  for (const std::string& label : RowLabels()) {
    label_width = std::max(label_width, label.size() + 2);
  }
  std::vector<size_t> widths;
  for (const Column& column : columns) {
    size_t width = column.title.size();
    for (const auto& cell : column.cells) {
      for (const std::string& line : cell) width = std::max(width, line.size());
    }
    widths.push_back(width + 3);
  }
  // One line of the table: a label, then one text per column.
  const auto print_line = [&](const std::string& label,
                              const std::vector<std::string>& texts) {
    std::string line = label + std::string(label_width - label.size(), ' ');
    for (size_t c = 0; c < texts.size(); ++c) {
      line += texts[c];
      if (c + 1 < texts.size()) {
        line += std::string(widths[c] - texts[c].size(), ' ');
      }
    }
    out << line << "\n";
  };
  std::vector<std::string> titles;
  for (const Column& column : columns) titles.push_back(column.title);
  print_line("", titles);
  for (size_t row = 0; row < RowLabels().size(); ++row) {
    size_t height = 0;
    for (const Column& column : columns) {
      height = std::max(height, column.cells[row].size());
    }
    for (size_t line = 0; line < height; ++line) {
      std::vector<std::string> texts;
      for (const Column& column : columns) {
        const auto& cell = column.cells[row];
        texts.push_back(line < cell.size() ? cell[line] : "");
      }
      print_line(line == 0 ? RowLabels()[row] : "", texts);
    }
  }
}

}  // namespace

void PrintSideBySide(std::ostream& out, const std::vector<TitledCall>& calls) {
  std::vector<Column> columns;
  for (const TitledCall& call : calls) {
    columns.push_back(Describe(call.title, *call.record));
  }
  PrintColumns(out, columns);
  out << "\n";
  for (const TitledCall& call : calls) {
    out << call.title << ": " << DescribeStatus(call.record->status) << "\n";
  }
}

}  // namespace workbook::metadata
