#include "tool/workbook.h"

namespace workbook {

std::string Workbook::Shown(const std::filesystem::path& path) const {
  const std::string text = path.string();
  const std::string prefix = root.string() + "/";
  if (text.compare(0, prefix.size(), prefix) == 0) {
    return text.substr(prefix.size());
  }
  return text;
}

}  // namespace workbook
